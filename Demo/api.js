// The one place the demo pages talk to Pasar: every call goes through `request`, which sends the
// language, the key and the cart's version, and turns problem+json answers into `ProblemError`s
// whose message is the API's own, already in the shopper's language.

export class ProblemError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
}

export class Pasar {
  // base: the API's origin (another origin than the page's is fine: CORS); key: a publishable key, if any.
  constructor({ base, key = null, channel = null }) {
    this.base = base.replace(/\/$/, "");
    this.key = key;
    this.channel = channel;
    this.language = null; // null: the browser's languages, negotiated by the API
  }

  headers(extra = {}) {
    const headers = { ...extra };
    if (this.key) headers["Authorization"] = `Bearer ${this.key}`;
    if (this.channel && !this.key) headers["Pasar-Channel"] = this.channel;
    headers["Accept-Language"] = this.language || navigator.languages.join(", ");
    return headers;
  }

  async request(method, path, { body, headers = {} } = {}) {
    const init = { method, headers: this.headers(headers) };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
    const response = await fetch(this.base + path, init);
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ProblemError(data || { title: response.statusText });
    return data;
  }

  markets() { return this.request("GET", "/v1/markets"); }
  market(code) { return this.request("GET", `/v1/markets/${code}`); }

  products(market, { q = "", sort = "", category = "" } = {}) {
    const query = new URLSearchParams({ limit: "24", facets: "category" });
    if (q) query.set("q", q);
    if (sort) query.set("sort", sort);
    if (category) query.set("category", category);
    return this.request("GET", `/v1/markets/${market}/products?${query}`);
  }

  product(market, id) { return this.request("GET", `/v1/markets/${market}/products/${encodeURIComponent(id)}`); }

  explanation(market, id, sku) {
    return this.request("GET", `/v1/markets/${market}/products/${encodeURIComponent(id)}/price-explanation?sku=${encodeURIComponent(sku)}`);
  }

  createCart(market) { return this.request("POST", "/v1/carts", { body: { market } }); }
  recoverCart(token) { return this.request("POST", "/v1/carts/recover", { body: { token } }); }
  cart(id) { return this.request("GET", `/v1/carts/${id}`); }
  addLine(id, sku) { return this.request("POST", `/v1/carts/${id}/lines`, { body: { sku, quantity: 1 } }); }
  setQuantity(id, line, quantity) { return this.request("PATCH", `/v1/carts/${id}/lines/${line}`, { body: { quantity } }); }
  removeLine(id, line) { return this.request("DELETE", `/v1/carts/${id}/lines/${line}`); }
  addVoucher(id, code) { return this.request("POST", `/v1/carts/${id}/vouchers`, { body: { code } }); }
  switchMarket(id, market) { return this.request("PUT", `/v1/carts/${id}/market`, { body: { market } }); }

  checkout(id, fulfilment, email) {
    return this.request("POST", `/v1/carts/${id}/checkout`, {
      body: { fulfilment, email },
      headers: { "Idempotency-Key": `demo-${id}` },
    });
  }

  order(id) { return this.request("GET", `/v1/orders/${id}`); }

  // A short code for the till (K7Q-9XM), and the cart a typed code opens (secret keys only).
  cartCode(id) { return this.request("POST", `/v1/carts/${id}/codes`); }
  cartByCode(code) { return this.request("GET", `/v1/cart-codes/${encodeURIComponent(code)}`); }

  // The cart's live stream: EventSource cannot send headers, so a stream token opens it.
  async watchCart(id, onCart) {
    const { events_url } = await this.request("POST", `/v1/carts/${id}/stream-tokens`);
    const language = this.language ? `&lang=${encodeURIComponent(this.language)}` : "";
    const source = new EventSource(this.base + events_url + language);
    source.addEventListener("cart", (event) => onCart(JSON.parse(event.data)));
    return source;
  }
}

// The API to talk to: ?api=<origin> when the pages are served elsewhere, else the page's own origin.
// The key: ?key=<key>, else the one a demo server hands its pages (`role`: storefront or pos), else none.
export async function connect(role) {
  const params = new URLSearchParams(location.search);
  const base = params.get("api") || location.origin;
  let key = params.get("key");
  if (!key) {
    const keys = await fetch(`${base.replace(/\/$/, "")}/demo/keys.json`).then((response) => (response.ok ? response.json() : {}), () => ({}));
    key = keys[role] || null;
  }
  // pk_ or sk_ on the page, so a look (or a test) tells which key it holds; never the key itself.
  document.body.dataset.key = key ? key.slice(0, 3) : "none";
  return new Pasar({ base, key, channel: params.get("channel") });
}

// Right-to-left languages get dir="rtl"; the numbers stay exactly as the API wrote them.
export function applyLanguage(language) {
  document.documentElement.lang = language;
  document.documentElement.dir = /^(ar|he|fa|ur)(-|$)/.test(language) ? "rtl" : "ltr";
}

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}
