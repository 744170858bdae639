// The demo storefront: market and language, catalog with search and facets, product page, a cart
// shared live with the POS screen, checkout and the order. Every amount is the API's `formatted`.
import { connect, applyLanguage, element } from "./api.js";

const api = await connect("storefront");
const $ = (id) => document.getElementById(id);
const state = { market: null, marketView: null, cart: null, stream: null, category: "", code: null };

function showProblem(error) { $("problem").textContent = error.message; }
function clearProblem() { $("problem").textContent = ""; }

async function loadMarkets() {
  const { items } = await api.markets();
  const saved = localStorage.getItem("pasar.market");
  state.market = items.some((market) => market.code === saved) ? saved : "de";
  $("market").replaceChildren(...items.map((market) => element("option", { value: market.code, selected: market.code === state.market }, market.name)));
}

async function loadMarket() {
  state.marketView = await api.market(state.market);
  const languages = state.marketView.languages;
  if (api.language && !languages.includes(api.language)) api.language = null;
  $("language").replaceChildren(
    element("option", { value: "" }, "Browser"),
    ...languages.map((language) => element("option", { value: language, selected: language === api.language }, language)));
  const stores = state.marketView.stores.filter((store) => store.pickup);
  $("fulfilment").replaceChildren(
    ...stores.map((store) => element("option", { value: `collect:${store.id}` }, store.name)),
    ...state.marketView.shipping.map((method) => element("option", { value: `ship:${method.id}` }, method.name)));
  $("address").hidden = !$("fulfilment").value.startsWith("ship:");
}

async function loadProducts() {
  const page = await api.products(state.market, { q: $("q").value.trim(), sort: $("sort").value, category: state.category });
  applyLanguage(page.language);
  $("products").replaceChildren(...page.items.map((product) =>
    element("li", { class: "product", "data-id": product.id },
      element("button", { class: "open", onclick: () => openProduct(product.id) }, product.name),
      element("span", { class: "price" }, product.price?.display.formatted ?? ""))));
  const categories = page.facets?.categories ?? page.facets?.category ?? [];
  $("facets").replaceChildren(...categories.map((facet) =>
    element("button", { class: facet.id === state.category ? "facet active" : "facet", onclick: () => { state.category = facet.id === state.category ? "" : facet.id; loadProducts().catch(showProblem); } },
      `${facet.name ?? facet.id} (${facet.count_formatted ?? facet.count})`)));
}

async function openProduct(id) {
  const product = await api.product(state.market, id);
  const variant = product.variants[0];
  const explanation = await api.explanation(state.market, product.id, variant.sku).catch(() => null);
  $("product").hidden = false;
  $("product").replaceChildren(
    element("h2", {}, product.name),
    element("p", {}, product.description ?? ""),
    element("ul", { class: "variants" }, product.variants.map((choice) =>
      element("li", {},
        element("span", {}, Object.values(choice.options ?? {}).map((option) => option.label).join(" · ") || choice.sku),
        element("span", { class: "price" }, choice.price?.display.formatted ?? ""),
        element("button", { class: "add", "data-sku": choice.sku, onclick: () => addToCart(choice.sku) }, "+")))),
    explanation ? element("ol", { class: "explanation" }, explanation.steps.map((step) => element("li", {}, `${step.detail}: ${step.amount.formatted}`))) : null,
    element("button", { onclick: () => { $("product").hidden = true; } }, "×"));
}

async function ensureCart() {
  if (state.cart && state.cart.status === "active") return state.cart;
  const saved = localStorage.getItem("pasar.cart");
  if (saved) {
    const cart = await api.cart(saved).catch(() => null);
    if (cart && cart.status === "active") return showCart(cart, true);
  }
  const cart = await api.createCart(state.market);
  return showCart(cart, true);
}

// The code the till types to open this cart, asked for once per cart and again when it expires.
function codeFor(cart) {
  if (!state.code || state.code.cartID !== cart.id || state.code.expires <= Date.now()) {
    const entry = { cartID: cart.id, expires: Infinity, issued: api.cartCode(cart.id) };
    entry.issued.then((code) => { entry.expires = Date.parse(code.expires_at); }, () => { if (state.code === entry) state.code = null; });
    state.code = entry;
  }
  return state.code.issued;
}

async function showCode(cart) {
  const code = await codeFor(cart);
  if (state.cart?.id !== cart.id) return;
  $("cart-code").textContent = code.display;
  $("cart-code-expires").textContent = code.expires_at_formatted;
}

async function addToCart(sku) {
  clearProblem();
  try {
    const cart = await ensureCart();
    showCart(await api.addLine(cart.id, sku));
  } catch (error) { showProblem(error); }
}

function showCart(cart, watch = false) {
  state.cart = cart;
  localStorage.setItem("pasar.cart", cart.id);
  showCode(cart).catch(showProblem);
  $("lines").replaceChildren(...cart.lines.map((line) =>
    element("li", { class: "line", "data-sku": line.sku },
      element("span", { class: "name" }, line.name),
      element("span", { class: "quantity" }, String(line.quantity)),
      element("span", { class: "amount" }, line.total.formatted),
      element("button", { onclick: () => api.removeLine(cart.id, line.id).then(showCart, showProblem) }, "−"))));
  $("vouchers").replaceChildren(...cart.vouchers.map((voucher) =>
    element("li", { class: "voucher", "data-code": voucher.code },
      element("strong", {}, voucher.code), " ",
      voucher.applied ? (voucher.valid_until_formatted ? `until ${voucher.valid_until_formatted}` : "") : voucher.message)));
  const rows = [["Subtotal", cart.totals.subtotal], ["Discount", cart.totals.discount], ["Shipping", cart.totals.shipping],
    ["Tax", cart.totals.tax], ["Total", cart.totals.total]];
  $("totals").replaceChildren(...rows.flatMap(([label, amount]) => [element("dt", {}, label), element("dd", { id: `total-${label.toLowerCase()}` }, amount.formatted)]));
  if (watch || !state.stream) {
    state.stream?.close();
    api.watchCart(cart.id, (live) => { if (live.version >= state.cart.version) showCart(live); }).then((source) => { state.stream = source; }, () => {});
  }
  return cart;
}

async function switchMarket(code) {
  $("product").hidden = true; // its prices were for the market left behind
  state.market = code;
  localStorage.setItem("pasar.market", code);
  await loadMarket();
  if (state.cart?.status === "active") {
    try { showCart(await api.switchMarket(state.cart.id, code)); } catch (error) { showProblem(error); }
  }
  await loadProducts();
}

async function placeOrder(event) {
  event.preventDefault();
  clearProblem();
  try {
    const cart = await ensureCart();
    const [type, id] = $("fulfilment").value.split(":");
    const fulfilment = type === "collect" ? { type, store: id } : { type, shipping_method: id, address: shippingAddress() };
    const order = await api.checkout(cart.id, fulfilment, $("email").value);
    state.stream?.close();
    state.stream = null;
    state.cart = null;
    localStorage.removeItem("pasar.cart");
    showOrder(order);
  } catch (error) { showProblem(error); }
}

// The address a ship order goes to; the country is the market's first (the API checks it is one of them).
function shippingAddress() {
  return {
    name: $("address-name").value, line1: $("address-line1").value, postal_code: $("address-postal-code").value,
    city: $("address-city").value, country: state.marketView.countries[0],
  };
}

function showOrder(order) {
  $("order").hidden = false;
  $("order").replaceChildren(
    element("h2", {}, `Order ${order.number}`),
    element("p", { id: "order-placed" }, order.placed_at_formatted),
    element("p", { id: "order-status" }, order.status),
    element("p", { id: "order-fulfilment", "data-type": order.fulfilment.type }, order.fulfilment.address?.city ?? order.fulfilment.store?.name ?? ""),
    element("ul", {}, order.lines.map((line) => element("li", {}, `${line.quantity} × ${line.name} `, element("span", { class: "amount" }, line.total?.formatted ?? line.gross?.formatted ?? "")))),
    element("p", { id: "order-total" }, order.totals.total.formatted));
  $("lines").replaceChildren();
  $("totals").replaceChildren();
  $("vouchers").replaceChildren();
  $("cart-code").textContent = "";
  $("cart-code-expires").textContent = "";
}

$("market").addEventListener("change", (event) => switchMarket(event.target.value).catch(showProblem));
$("language").addEventListener("change", async (event) => {
  api.language = event.target.value || null;
  $("product").hidden = true;
  await loadProducts().catch(showProblem);
  if (state.cart) showCart(await api.cart(state.cart.id), true);
});
$("search").addEventListener("submit", (event) => { event.preventDefault(); loadProducts().catch(showProblem); });
$("voucher").addEventListener("submit", async (event) => {
  event.preventDefault();
  clearProblem();
  try { showCart(await api.addVoucher((await ensureCart()).id, $("voucher-code").value.trim())); } catch (error) { showProblem(error); }
});
$("checkout").addEventListener("submit", placeOrder);
$("fulfilment").addEventListener("change", (event) => { $("address").hidden = !event.target.value.startsWith("ship:"); });

// A reminder email's link (?recover=TOKEN) reopens the cart it was sent for, in its market, once.
async function recoverCart(token) {
  try {
    const cart = await api.recoverCart(token);
    if (cart.market !== state.market) {
      state.market = cart.market;
      localStorage.setItem("pasar.market", cart.market);
      $("market").value = cart.market;
      await loadMarket();
    }
    showCart(cart, true);
  } catch (error) { showProblem(error); }
  history.replaceState(null, "", location.pathname);
}

await loadMarkets();
await loadMarket();
const recoveryToken = new URLSearchParams(location.search).get("recover");
if (recoveryToken) await recoverCart(recoveryToken);
$("pos-link").href = `pos.html${location.search}`;
await loadProducts();
document.body.dataset.ready = "true";
