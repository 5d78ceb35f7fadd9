"""ISO 4217 currency codes a budget line may use.

Python ships no list of currencies, and a plan only needs the three-letter codes, so a
compact list is kept here rather than a dependency. It holds the active codes of the
ISO 4217 list (amendment 179), without precious metals, bond-market units and the test
codes, plus the codes withdrawn since 2000 that a plan of those years still carries
(a Croatian plan of 2018 budgets in HRK, a Lithuanian plan of 2012 in LTL).
"""


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


ACTIVE = _codes(
    """
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS
    INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
    LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR
    NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP
    SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN
    UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG
    """
)

WITHDRAWN_SINCE_2000 = _codes(
    """
    ANG BYR CUC CYP EEK GHC HRK LTL LVL MRO MTL MZM ROL SDD SIT SKK SLL STD TMM TRL VEB
    VEF YUM ZMK ZWD ZWL
    """
)

ACCEPTED = ACTIVE | WITHDRAWN_SINCE_2000


def is_currency_code(code: str) -> bool:
    return code.strip().upper() in ACCEPTED
