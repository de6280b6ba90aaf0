// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so screen-reader and keyboard users hear what to fix.
  // Otherwise the messages after an action take it (base.html gives them autofocus; this covers older browsers).
  var summary = document.getElementById("error-summary");
  var messages = document.getElementById("messages");
  if (summary) { summary.focus(); } else if (messages && document.activeElement !== messages) { messages.focus(); }
});
