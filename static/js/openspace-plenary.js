// The plenary view (apps/openspace): the moderator moves between the groups' conclusions with the arrow keys or a
// presenter's Page Up/Page Down, which press the page's own buttons. Without this file the buttons do the same.
document.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey) { return; }
  var target = event.target;
  if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return; }
  var step = { ArrowRight: "next", PageDown: "next", ArrowLeft: "previous", PageUp: "previous" }[event.key];
  if (!step) { return; }
  var button = document.querySelector('button[data-plenary="' + step + '"]');
  if (button) { event.preventDefault(); button.click(); }
});
