// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so screen-reader and keyboard users hear what to fix; otherwise to the message
  // after an action. Both also carry autofocus (base.html, includes/form.html), which does this without JavaScript;
  // this covers browsers without autofocus on any element. Never take the focus from where the person already is.
  var active = document.activeElement;
  var summary = document.getElementById("error-summary");
  var messages = document.getElementById("messages");
  var free = !active || active === document.body || active === messages;
  if (summary && free) { summary.focus(); } else if (messages && free && active !== messages) { messages.focus(); }
});
