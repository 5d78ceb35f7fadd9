// Project behaviour on top of htmx. Keep small.
document.addEventListener("htmx:responseError", function (event) {
  var status = event.detail.xhr.status;
  var text = status === 403 ? "You may not change this." : "The change was not saved (" + status + ").";
  var alert = document.createElement("div");
  alert.className = "alert alert-danger";
  alert.setAttribute("role", "alert");
  alert.textContent = text;
  document.getElementById("main").prepend(alert);
});

// Buttons that close what they sit in (a form's Cancel, a panel's Close), declared in the
// markup, since the Content-Security-Policy runs no inline handler.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-remove-closest], [data-empty-closest]");
  if (!button) return;
  var removed = button.getAttribute("data-remove-closest");
  if (removed) {
    button.closest(removed).remove();
  } else {
    button.closest(button.getAttribute("data-empty-closest")).replaceChildren();
  }
});
