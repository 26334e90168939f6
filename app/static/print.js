// Progressive enhancement: a Print button for browsers with JavaScript.
(function () {
  var button = document.getElementById("print-button");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
}());
