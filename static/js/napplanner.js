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
