// The event view: what was coded and why — each reporting sentence with the source,
// target and trigger words highlighted, and the rule that fired.
import { clear, el, fmtNum } from "./dom.js";

const QUAD = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};

// The sentence as text and <mark>s. Highlight spans are code points from the start of
// the sentence (as the API gives them), so the text is cut by code points too.
export function highlightSentence(text, highlights) {
  const chars = Array.from(text);
  const roles = chars.map(() => []);
  for (const h of highlights) {
    const [b, e] = h.span;
    for (let i = Math.max(0, b); i < Math.min(e, chars.length); i++) roles[i].push(h);
  }
  const out = el("blockquote", { class: "sentence" });
  let i = 0;
  while (i < chars.length) {
    const key = roles[i].map((h) => h.role).join(" ");
    let j = i + 1;
    while (j < chars.length && roles[j].map((h) => h.role).join(" ") === key) j++;
    const piece = chars.slice(i, j).join("");
    if (!key) {
      out.append(document.createTextNode(piece));
    } else {
      const estimated = roles[i].some((h) => !h.exact);
      const cls = roles[i].map((h) => `hl hl-${h.role}`).join(" ") + (estimated ? " estimated" : "");
      out.append(el("mark", { class: cls, title: key + (estimated ? " (end estimated)" : "") }, piece));
    }
    i = j;
  }
  return out;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function showEvent(container, ev) {
  clear(container);
  container.dataset.eventId = ev.id;
  const target = ev.target ? ev.target.code : "—";
  container.append(
    el("h2", {}, "Event ", el("span", { class: "event-title" }, `${ev.source.code} → ${target} · ${ev.code} ${ev.plover || ""}`)),
    el(
      "dl",
      { class: "facts" },
      el("dt", {}, "date"),
      el("dd", {}, ev.date),
      el("dt", {}, "source"),
      el("dd", {}, `${ev.source.code} (${ev.source.text})`),
      el("dt", {}, "target"),
      el("dd", {}, ev.target ? `${ev.target.code} (${ev.target.text})` : "none"),
      el("dt", {}, "CAMEO"),
      el("dd", {}, `${ev.code} (root ${ev.root}), ${ev.plover || "no PLOVER category"}, QuadClass ${ev.quad_class} ${QUAD[ev.quad_class] || ""}`),
      el("dt", {}, "Goldstein"),
      el("dd", {}, fmtNum(ev.goldstein)),
      el("dt", {}, "place"),
      el("dd", {}, ev.location ? `${ev.location.name}, ${ev.location.country} (${ev.location.lat}, ${ev.location.lon})` : "none"),
      el("dt", {}, "reports"),
      el("dd", {}, `${plural(ev.num_mentions, "sentence")}, ${plural(ev.num_articles, "article")}, ${plural(ev.num_sources, "source")}; tone ${fmtNum(ev.avg_tone, 2)}`),
      el("dt", {}, "id"),
      el("dd", { class: "mono" }, ev.id),
    ),
    el(
      "p",
      { class: "legend small" },
      el("mark", { class: "hl hl-source" }, "source"),
      " ",
      el("mark", { class: "hl hl-target" }, "target"),
      " ",
      el("mark", { class: "hl hl-trigger" }, "trigger (the words that fired)"),
      el("span", { class: "muted" }, " — a dotted underline: the store keeps where a word starts, its end is estimated"),
    ),
  );
  const list = el("ol", { class: "mentions" });
  for (const m of ev.mentions) {
    const link = m.doc_url
      ? el("a", { href: m.doc_url, rel: "noopener noreferrer", target: "_blank" }, m.doc_id)
      : el("span", {}, m.doc_id);
    list.append(
      el(
        "li",
        { class: "mention", dataset: { docId: m.doc_id } },
        highlightSentence(m.sentence.text, m.highlights),
        el(
          "p",
          { class: "small" },
          "rule ",
          el("code", { class: "rule" }, m.rule),
          " · document ",
          link,
          ` (${m.doc_date || "no date"}) · sentence ${m.sentence.index + 1} · confidence ${m.confidence}`,
        ),
      ),
    );
  }
  if (!ev.mentions.length) list.append(el("li", { class: "muted" }, "no stored sentences"));
  container.append(list);
}
