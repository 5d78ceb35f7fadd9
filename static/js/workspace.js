// Plan workspace: after the server has reordered an element, move its block in the page
// and keep the keyboard focus on the button that was pressed.
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

// The tree's buttons carry only data-ws="edit|delete|up|down|panel"; the element block
// around them (data-el) gives the URL, which keeps a plan of 2,000 activities light.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-ws]");
  var block = button && button.closest("[data-el]");
  if (!block) return;
  var action = button.dataset.ws;
  var url = block.dataset.el;
  if (action === "edit" || action === "delete") {
    htmx.ajax("GET", url + action + "/", {source: button, target: "#" + block.id + "-head", swap: "outerHTML"});
  } else if (action === "up" || action === "down") {
    htmx.ajax("POST", url + "move/", {source: button, values: {direction: action}, swap: "none"});
  } else if (action === "panel") {
    htmx.ajax("GET", url + "panel/", {source: button, target: "#" + block.id + "-panel", swap: "innerHTML"});
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
});
