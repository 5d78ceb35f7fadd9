// Plan workspace. The tree's buttons are declarative htmx (hx-get, hx-post); the server
// answers with events (django-htmx's trigger_client_event) that the listeners below act on.

// After the server has reordered an element, move its block in the page and keep the
// keyboard focus on the button that was pressed.
document.body.addEventListener("nap:moved", function (event) {
  var block = document.getElementById(event.detail.id);
  if (!block) return;
  if (event.detail.direction === "up" && block.previousElementSibling) {
    block.parentNode.insertBefore(block, block.previousElementSibling);
  } else if (event.detail.direction === "down" && block.nextElementSibling) {
    block.parentNode.insertBefore(block.nextElementSibling, block);
  }
  var button = block.querySelector('[data-ws="' + event.detail.direction + '"]');
  if (button) button.focus();
});

// Say in the page's live region what happened, for screen-reader users.
function announce(text) {
  var region = document.getElementById("ws-status");
  if (!region) return;
  region.textContent = "";
  window.setTimeout(function () { region.textContent = text; }, 50);
}

// A form or confirmation that appears takes the focus, so keyboard users land in it. An
// outerHTML swap replaces the target, so the new form is looked up by what it is: the one
// not focused yet.
document.body.addEventListener("htmx:afterSettle", function () {
  var form = document.querySelector(".ws-form:not([data-focused])");
  if (!form) return;
  form.setAttribute("data-focused", "");
  // A form that came back with errors has its error summary, which takes the focus and
  // is read out (napplanner.js); otherwise the first field takes it.
  if (form.querySelector(".error-summary, .is-invalid")) return;
  var field =
    form.querySelector("[autofocus]") ||
    form.querySelector("input:not([type=hidden]), textarea, select, button");
  if (field) field.focus();
});

// Escape closes an open form as its Cancel button does.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  var form = event.target.closest && event.target.closest(".ws-form");
  var cancel = form && form.querySelector("[data-ws-cancel]");
  if (cancel) {
    event.preventDefault();
    cancel.click();
  }
});

document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-chapters]");
  if (!button) return;
  document.querySelectorAll("details.ws-chapter").forEach(function (chapter) {
    chapter.open = button.dataset.chapters === "open";
  });
});

// After a save or a cancel the form that had the focus is gone: focus the element's
// first button instead, so keyboard users carry on where they were.
document.body.addEventListener("nap:focus", function (event) {
  var head = document.getElementById(event.detail.id);
  var button = head && head.querySelector("button");
  if (button) button.focus();
  if (event.detail.said) announce(event.detail.said);
});
