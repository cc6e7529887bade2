// Runs first in the report: records every uncaught error, unhandled rejection and console.error
// call on the <html> element (data-uprx-errors = how many, data-uprx-error-messages = what), so a
// headless browser's --dump-dom shows whether the page's own script ran cleanly.
(function () {
  var root = document.documentElement;
  var messages = [];
  function record(message) {
    messages.push(String(message));
    root.setAttribute('data-uprx-errors', String(messages.length));
    root.setAttribute('data-uprx-error-messages', messages.join(' | '));
  }
  root.setAttribute('data-uprx-errors', '0');
  window.addEventListener('error', function (e) {
    record((e && e.message) || 'error');
  });
  window.addEventListener('unhandledrejection', function (e) {
    record('unhandled rejection: ' + (e && e.reason));
  });
  var original = console.error;
  console.error = function () {
    record(Array.prototype.join.call(arguments, ' '));
    return original.apply(console, arguments);
  };
})();
