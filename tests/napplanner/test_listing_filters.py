from django.template import engines


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def test_it_joins_one_attribute_of_each_item_escaped():
    rows = [{"title": "Non-punishment"}, {"title": "Rights <first>"}]
    html = render('{% load listing %}{{ rows|pluck:"title"|join:", " }}', rows=rows)
    assert html == "Non-punishment, Rights &lt;first&gt;"


def test_it_reads_attributes_of_objects_too():
    class Row:
        def __init__(self, title):
            self.title = title

    html = render('{% load listing %}{{ rows|pluck:"title"|join:"; " }}', rows=[Row("A"), Row("B")])
    assert html == "A; B"
