// The demo POS screen: opens a shopper's cart by the code their phone shows, follows it live (a
// change on the phone appears here within the stream's delivery, and the other way round), and
// checks it out at the till with the cash total and rounding the API computed.
import { connect, applyLanguage, element } from "./api.js";

const api = await connect("pos");
if (!api.key) api.channel = api.channel || "pos";
const $ = (id) => document.getElementById(id);
let cart = null;
let stream = null;

function showProblem(error) { $("problem").textContent = error.message; }

function show(next) {
  if (cart && next.id === cart.id && next.version < cart.version) return;
  cart = next;
  applyLanguage(cart.language);
  $("lines").replaceChildren(...cart.lines.map((line) =>
    element("li", { class: "line", "data-sku": line.sku }, `${line.quantity} × ${line.name} `, element("span", { class: "amount" }, line.total.formatted))));
  $("total").textContent = cart.totals.total.formatted;
  $("cash-total").textContent = cart.cash.total.formatted;
  $("cash-adjustment").textContent = cart.cash.adjustment.formatted;
}

async function open(code) {
  $("problem").textContent = "";
  stream?.close();
  show(await api.cartByCode(code));
  const market = await api.market(cart.market);
  $("store").replaceChildren(...market.stores.filter((store) => store.pickup).map((store) => element("option", { value: store.id }, store.name)));
  stream = await api.watchCart(cart.id, show);
  document.body.dataset.cart = cart.id;
}

$("open").addEventListener("submit", (event) => { event.preventDefault(); open($("code").value.trim()).catch(showProblem); });
$("scan").addEventListener("submit", async (event) => {
  event.preventDefault();
  try { show(await api.addLine(cart.id, $("sku").value.trim())); } catch (error) { showProblem(error); }
});
$("pay").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const order = await api.checkout(cart.id, { type: "collect", store: $("store").value }, $("email").value);
    stream?.close();
    $("receipt").hidden = false;
    $("receipt").replaceChildren(element("h2", {}, `Order ${order.number}`), element("p", { id: "receipt-total" }, order.totals.total.formatted));
  } catch (error) { showProblem(error); }
});

const code = new URLSearchParams(location.search).get("code");
if (code) await open(code).catch(showProblem);
document.body.dataset.ready = "true";
