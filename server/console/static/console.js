// The console's own script (served from /console/assets, no inline script anywhere):
// draws the score breakdowns with Chart.js and the link graph with Cytoscape from
// JSON the page carries as data, and lets the keyboard walk the queue.

function readData(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent || "null") : null;
}

function drawBreakdowns() {
  if (typeof Chart === "undefined") return;
  for (const canvas of document.querySelectorAll("canvas[data-breakdown]")) {
    const data = readData(canvas.dataset.breakdown);
    if (!data) continue;
    // The box grows with the number of bars (set through the CSSOM, which the CSP allows).
    canvas.parentElement.style.height = `${60 + 26 * data.values.length}px`;
    // One bar per term of the sum, in log-odds: the bias, then each indicator's contribution.
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          {
            label: "log-odds contribution",
            data: data.values,
            backgroundColor: data.values.map((v) => (v >= 0 ? "#a3151b" : "#1d6b2f")),
          },
        ],
      },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { title: { display: true, text: "log-odds" } } },
      },
    });
    canvas.dataset.drawn = "true";
  }
}

const NODE_COLOURS = {
  seller: "#a3151b",
  subject: "#14213d",
  device: "#0b4fa8",
  ip: "#6a3d9a",
  payout: "#8a6500",
  address: "#1d6b2f",
  buyer: "#4a4a55",
};

function drawGraph() {
  const container = document.getElementById("graph");
  if (!container || typeof cytoscape === "undefined") return;
  const data = readData("graph-data");
  if (!data) return;
  const cy = cytoscape({
    container,
    elements: [...data.nodes.map((n) => ({ data: n })), ...data.edges.map((e) => ({ data: e }))],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000 },
    // A lone node or two must not fill the box.
    maxZoom: 1.6,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "font-size": 11,
          color: "#1b1b1f",
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.85,
          "text-background-padding": 2,
          "background-color": (node) => NODE_COLOURS[node.data("kind")] || "#4a4a55",
          width: 22,
          height: 22,
        },
      },
      { selector: "node[kind = 'subject']", style: { width: 34, height: 34 } },
      // Buyers are many: their ids show when selected (below the graph), not on the drawing.
      { selector: "node[kind = 'buyer']", style: { label: "", width: 12, height: 12 } },
      { selector: "edge", style: { width: 2, "line-color": "#9a9aa6", "curve-style": "bezier" } },
    ],
  });
  container.dataset.drawn = String(cy.nodes().length);
  const detail = document.getElementById("graph-detail");
  cy.on("tap", "node, edge", (event) => {
    if (detail)
      detail.textContent = event.target.data("detail") || event.target.data("label") || "";
  });
}

function queueKeys() {
  const table = document.getElementById("queue");
  if (!table) return;
  const links = () => [...table.querySelectorAll("tbody a.open-case")];
  table.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    let next = -1;
    if (event.key === "ArrowDown" || event.key === "j") next = Math.min(at + 1, all.length - 1);
    if (event.key === "ArrowUp" || event.key === "k") next = Math.max(at - 1, 0);
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = all.length - 1;
    if (next < 0) return;
    event.preventDefault();
    for (const row of table.querySelectorAll("tr.selected")) row.classList.remove("selected");
    all[next].closest("tr").classList.add("selected");
    all[next].focus();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  drawBreakdowns();
  drawGraph();
  queueKeys();
});
