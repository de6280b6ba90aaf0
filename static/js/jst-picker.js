// JST picker: progressive enhancement of a plain text input marked data-jst-picker.
// Without this file the form still works: the server resolves the typed text or offers the matches.
// With it, the input becomes a WAI-ARIA 1.2 combobox (list autocomplete) whose listbox options are an HTML
// fragment from the server (data-suggestions-url?q=...). Focus stays in the input; aria-activedescendant
// points at the highlighted option. Keys: Down/Up move, Enter chooses, Escape closes (or clears), Tab leaves.
(function () {
  "use strict";
  if (window.jstPickerLoaded) { return; }  // the widget template includes this file once per picker
  window.jstPickerLoaded = true;

  var DELAY_MS = 150;
  var MIN_LENGTH = 2;

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, key) { return values[key]; });
  }

  function Picker(input) {
    this.input = input;
    this.options = [];
    this.active = -1;
    this.timer = null;
    this.request = null;
    this.generation = 0;  // bumped by every new request and by cancel(): older answers are ignored

    this.listbox = document.createElement("ul");
    this.listbox.id = input.id + "-listbox";
    this.listbox.className = "jst-picker-list";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", input.dataset.listLabel);
    this.listbox.hidden = true;
    this.status = document.createElement("div");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", this.listbox);
    this.listbox.insertAdjacentElement("afterend", this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.setAttribute("autocomplete", "off");

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeyDown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    // Keep focus in the input while an option is clicked, so blur does not close the list first.
    this.listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.listbox.addEventListener("click", this.onClick.bind(this));
    // Someone who typed before this script ran (a slow connection) gets the suggestions for what is there.
    if (document.activeElement === input && input.value.trim().length >= MIN_LENGTH) { this.fetch(); }
  }

  Picker.prototype.onInput = function () {
    var picker = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { picker.fetch(); }, DELAY_MS);
  };

  // Forget the pending keystroke timer and the request in flight: their answer must not reopen the list after a
  // choice (it would cover what follows the input, e.g. the form's button).
  Picker.prototype.cancel = function () {
    window.clearTimeout(this.timer);
    this.timer = null;
    if (this.request) { this.request.abort(); }
    this.request = null;
    this.generation += 1;
  };

  Picker.prototype.fetch = function () {
    var picker = this;
    var query = this.input.value.trim();
    this.cancel();
    if (query.length < MIN_LENGTH) {
      this.show("");
      return;
    }
    var generation = this.generation;
    var controller = new AbortController();
    this.request = controller;
    var url = this.input.dataset.suggestionsUrl;
    url += (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
    window.fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        // A stale answer (a newer request, a choice, or the text changed since) is dropped.
        if (generation !== picker.generation || picker.input.value.trim() !== query) { return; }
        picker.request = null;
        picker.show(html);
      })
      .catch(function () { /* superseded by a newer request, or offline: the form still works */ });
  };

  Picker.prototype.onBlur = function () {
    this.cancel();
    this.close();
  };

  Picker.prototype.show = function (html) {
    var picker = this;
    this.listbox.innerHTML = html;  // server-rendered and escaped by Django's templates
    this.options = Array.prototype.slice.call(this.listbox.querySelectorAll("[role=option]"));
    this.options.forEach(function (option, index) {
      option.id = picker.listbox.id + "-" + index;
      option.setAttribute("aria-selected", "false");
    });
    this.highlight(-1);
    if (this.options.length && document.activeElement === this.input) {
      this.open();
      this.announce(format(this.input.dataset.msgCount, { count: this.options.length }));
    } else {
      this.close();
      if (this.input.value.trim().length >= MIN_LENGTH) { this.announce(this.input.dataset.msgNone); }
    }
  };

  Picker.prototype.open = function () {
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Picker.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.highlight(-1);
  };

  Picker.prototype.isOpen = function () { return !this.listbox.hidden; };

  Picker.prototype.highlight = function (index) {
    if (this.active >= 0 && this.options[this.active]) {
      this.options[this.active].setAttribute("aria-selected", "false");
    }
    this.active = index;
    if (index < 0) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    var option = this.options[index];
    option.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  };

  Picker.prototype.move = function (step) {
    if (!this.options.length) { return; }
    if (!this.isOpen()) { this.open(); }
    var count = this.options.length;
    var next = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    this.highlight(next);
  };

  Picker.prototype.choose = function (option) {
    this.cancel();
    this.input.value = option.dataset.value;
    this.close();
    this.announce(format(this.input.dataset.msgChosen, { name: option.dataset.value }));
    this.input.dispatchEvent(new Event("change", { bubbles: true }));
  };

  Picker.prototype.announce = function (text) {
    this.status.textContent = text;
  };

  Picker.prototype.onKeyDown = function (event) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!this.options.length) { this.fetch(); } else { this.move(1); }
        break;
      case "ArrowUp":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();  // choose the option; a second Enter submits the form
          this.choose(this.options[this.active]);
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.cancel();
          this.input.value = "";
          this.show("");
        }
        break;
      case "Tab":
        this.close();
        break;
    }
  };

  Picker.prototype.onClick = function (event) {
    var option = event.target.closest("[role=option]");
    if (option) { this.choose(option); }
  };

  function enhance(root) {
    root.querySelectorAll("input[data-jst-picker]").forEach(function (input) {
      if (input.dataset.jstPickerReady) { return; }
      input.dataset.jstPickerReady = "true";
      new Picker(input);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  } else {
    enhance(document);
  }
  // Pickers inside content that htmx swaps in later.
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
