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

// A form or confirmation that appears takes the focus, so keyboard users land in it.
document.body.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  var field = target && target.querySelector("[autofocus], .ws-form input, .ws-form textarea, .ws-form select");
  if (field) field.focus();
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
});
