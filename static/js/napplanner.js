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

// An edit that met a newer version (409) comes with the view that resolves the conflict:
// show it in place of the form rather than an error.
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr.status === 409) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
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

// A form with errors gets a summary at its top that names each problem, links to its
// field and takes the focus, so nobody misses an error below the fold. The words come
// from the page (translated there).
function summariseErrors(form) {
  var fields = form.querySelectorAll(".is-invalid");
  if (!fields.length || form.querySelector(".error-summary")) return null;
  var texts = document.body.dataset;
  var box = document.createElement("div");
  box.className = "alert alert-danger error-summary";
  box.setAttribute("role", "alert");
  box.setAttribute("tabindex", "-1");
  var heading = document.createElement("p");
  heading.className = "fw-bold mb-1";
  heading.textContent = fields.length === 1 ? texts.errorsOne : texts.errorsMany.replace("%s", fields.length);
  box.appendChild(heading);
  var list = document.createElement("ul");
  list.className = "mb-0";
  fields.forEach(function (field) {
    var label = field.id && form.querySelector('label[for="' + field.id + '"]');
    var feedback = field.id && document.getElementById(field.id + "_error");
    var link = document.createElement("a");
    link.className = "alert-link"; // the alert's own link colour keeps the contrast
    link.href = "#" + field.id;
    link.textContent = (label ? label.textContent.replace("*", "").trim() : field.name) +
      (feedback ? ": " + feedback.textContent.trim() : "");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      field.focus();
    });
    var item = document.createElement("li");
    item.appendChild(link);
    list.appendChild(item);
  });
  box.appendChild(list);
  form.prepend(box);
  return box;
}

function summariseAll(root) {
  var first = null;
  root.querySelectorAll("form").forEach(function (form) {
    var box = summariseErrors(form);
    first = first || box;
  });
  // A summary drawn by the server (a conflict, a deleted element) asks for it with data-focus.
  first = first || root.querySelector("[data-focus]");
  if (first) first.focus();
}

document.addEventListener("DOMContentLoaded", function () {
  var main = document.getElementById("main");
  if (main) summariseAll(main);
});
document.body.addEventListener("htmx:afterSettle", function (event) {
  summariseAll(event.detail.elt.isConnected ? event.detail.elt : document.getElementById("main"));
});

// A field needed for one choice only (`data-shown-when="start=copy"`) is hidden while
// another is chosen. Without script it simply stays visible.
function showChosenFields(root) {
  root.querySelectorAll("[data-shown-when]").forEach(function (wrapper) {
    var rule = wrapper.getAttribute("data-shown-when").split("=");
    var form = wrapper.closest("form");
    var chosen = form && form.querySelector('input[name="' + rule[0] + '"]:checked');
    wrapper.hidden = !chosen || chosen.value !== rule[1];
  });
}
document.addEventListener("change", function (event) {
  var form = event.target.closest("form");
  if (form && event.target.type === "radio") showChosenFields(form);
});
document.addEventListener("DOMContentLoaded", function () {
  showChosenFields(document);
});
