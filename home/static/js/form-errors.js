// Move focus to a form's error summary, so that screen readers read it and keyboard users start there.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("form-errors");
  if (summary) summary.focus();
});
