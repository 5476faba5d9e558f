// The partner's side of the example: log every event the widget sends, and handle "exit".

const EVENTS = [
  "didww:ready",
  "didww:step-change",
  "didww:submitted",
  "didww:status-change",
  "didww:error",
  "didww:exit",
];

const log = document.getElementById("event-log");
const widget = document.getElementById("emergency");
const closed = document.getElementById("widget-closed");

for (const name of EVENTS) {
  // Listening on the document shows that the events bubble out of the widget.
  document.addEventListener(name, (event) => {
    const item = document.createElement("li");
    item.textContent = `${name} ${JSON.stringify(event.detail)}`;
    item.dataset.event = name;
    log.append(item);
  });
}

widget.addEventListener("didww:exit", () => {
  widget.hidden = true;
  closed.hidden = false;
});

document.getElementById("widget-reopen").addEventListener("click", () => {
  closed.hidden = true;
  widget.hidden = false;
});
