#!/usr/bin/env python3
"""The demo storefront and POS screen in headless Chromium, against a running Pasar.

    python3 Tests/Browser/storefront.py --api http://127.0.0.1:A --shop http://127.0.0.1:B/ --screenshots DIR

The pages come from --shop (another origin than the API, so every call is a real CORS request);
two browsers play the shopper's phone and the till. Expected strings are in Fixtures/browser/.
Exits non-zero with the failing step's name; a screenshot of every step goes to --screenshots.
"""
import argparse
import re
import json
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECTED = json.load(open(os.path.join(ROOT, "Fixtures", "browser", "expected.json"), encoding="utf-8"))


def browser(language):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", f"--lang={language}"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else None
    return webdriver.Chrome(options=options, service=service)


class Run:
    def __init__(self, arguments):
        self.arguments = arguments
        self.step = 0
        os.makedirs(arguments.screenshots, exist_ok=True)

    def shot(self, driver, name):
        self.step += 1
        driver.save_screenshot(os.path.join(self.arguments.screenshots, f"{self.step:02d}-{name}.png"))

    @staticmethod
    def wait(driver, condition, message, seconds=30):
        return WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException]).until(condition, message)

    @staticmethod
    def text_of(driver, selector):
        """The element's text exactly as the page holds it (no-break spaces kept), read in one step."""
        return driver.execute_script("return document.querySelector(arguments[0])?.textContent ?? ''", selector)

    def open(self, driver, page, extra=""):
        driver.get(f"{self.arguments.shop}{page}?api={self.arguments.api}{extra}")
        self.wait(driver, lambda d: d.execute_script("return document.body.dataset.ready") == "true", f"{page} did not load")

    def main(self):
        phone, till = browser("de-DE"), browser("de-DE")
        try:
            self.journey(phone, till)
        finally:
            phone.quit()
            till.quit()

    def journey(self, phone, till):
        expected = EXPECTED
        # The phone: the catalog in the browser's language, a product added to a new cart.
        self.open(phone, "index.html")
        self.wait(phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#products .product"), "no products listed")
        assert phone.execute_script("return document.documentElement.lang") == "de", "the page is not in German"
        phone.find_element(By.ID, "q").send_keys(expected["search"])
        phone.find_element(By.CSS_SELECTOR, "#search button").click()
        self.wait(phone, lambda d: d.find_elements(By.CSS_SELECTOR, f'#products .product[data-id="{expected["product"]}"]'), "search did not find the product")
        self.shot(phone, "phone-search")
        phone.find_element(By.CSS_SELECTOR, f'#products .product[data-id="{expected["product"]}"] .open').click()
        self.wait(phone, ready.element_to_be_clickable((By.CSS_SELECTOR, f'#product .add[data-sku="{expected["sku"]}"]')), "no product page").click()
        self.wait(phone, lambda d: d.find_elements(By.CSS_SELECTOR, f'#lines .line[data-sku="{expected["sku"]}"]'), "the line did not reach the cart")
        assert self.text_of(phone, "#total-total") == expected["total_de"], self.text_of(phone, "#total-total")
        self.shot(phone, "phone-cart")
        assert phone.execute_script("return document.body.dataset.key") == "pk_", "the storefront does not use its publishable key"
        self.wait(phone, lambda d: re.fullmatch(expected["cart_code"], self.text_of(d, "#cart-code")), "no code for the till")
        code = self.text_of(phone, "#cart-code")
        expires = self.text_of(phone, "#cart-code-expires")
        assert re.fullmatch(expected["date_time_de"], expires), f"the code's expiry is not the API's German date: {expires}"

        # The till types the code (as people do: lower case, a space for the hyphen), opens the
        # same cart with its own secret key and follows it live.
        self.open(till, "pos.html")
        assert till.execute_script("return document.body.dataset.key") == "sk_", "the till does not use its own key"
        till.find_element(By.ID, "code").send_keys(code.lower().replace("-", " "))
        till.find_element(By.CSS_SELECTOR, "#open button").click()
        self.wait(till, lambda d: d.find_elements(By.CSS_SELECTOR, f'#lines .line[data-sku="{expected["sku"]}"]'), "the till does not show the cart")
        assert self.text_of(till, "#cash-total") == expected["total_de"], self.text_of(till, "#cash-total")
        self.shot(till, "till-opened")
        phone.find_element(By.CSS_SELECTOR, f'#product .add[data-sku="{expected["second_sku"]}"]').click()
        self.wait(till, lambda d: d.find_elements(By.CSS_SELECTOR, f'#lines .line[data-sku="{expected["second_sku"]}"]'), "a change on the phone did not reach the till")
        self.shot(till, "till-live")
        till.find_element(By.ID, "sku").send_keys(expected["till_sku"])
        till.find_element(By.CSS_SELECTOR, "#scan button").click()
        self.wait(phone, lambda d: d.find_elements(By.CSS_SELECTOR, f'#lines .line[data-sku="{expected["till_sku"]}"]'), "a change at the till did not reach the phone")
        self.shot(phone, "phone-live")

        # Another market: every price in its currency, as the API formats it.
        Select(phone.find_element(By.ID, "market")).select_by_value("ch")
        self.wait(phone, lambda d: expected["currency_ch"] in self.text_of(d, "#total-total"), "the cart did not change currency")
        every_price_in = "return [...document.querySelectorAll('#products .price')].every(p => p.textContent === '' || p.textContent.includes(arguments[0]))"
        self.wait(phone, lambda d: d.execute_script(every_price_in, expected["currency_ch"]), "the product prices did not change currency")
        self.shot(phone, "phone-market-ch")

        # Arabic, right to left.
        Select(phone.find_element(By.ID, "market")).select_by_value("ae")
        # Wait for ae's own languages: the list still holds ch's (also more than one) until they arrive.
        self.wait(phone, lambda d: d.find_elements(By.CSS_SELECTOR, '#language option[value="ar-AE"]'), "no Arabic for ae")
        Select(phone.find_element(By.ID, "language")).select_by_value("ar-AE")
        self.wait(phone, lambda d: d.execute_script("return document.documentElement.dir") == "rtl", "the Arabic page is not right to left")
        self.wait(phone, lambda d: expected["total_ae_contains"] in self.text_of(d, "#total-total"), "the cart is not in dirham")
        self.shot(phone, "phone-arabic-rtl")

        # Back to Germany, and check out: click & collect, ending on the order page.
        Select(phone.find_element(By.ID, "market")).select_by_value("de")
        self.wait(phone, lambda d: "€" in self.text_of(d, "#total-total"), "the cart did not come back to euros")
        phone.find_element(By.ID, "email").send_keys("browser@example.com")
        Select(phone.find_element(By.ID, "fulfilment")).select_by_value(expected["pickup"])
        phone.find_element(By.ID, "place").click()
        self.wait(phone, ready.visibility_of_element_located((By.ID, "order")), f"no order page: {self.text_of(phone, '#problem')}")
        assert self.text_of(phone, "#order h2").startswith(expected["order_heading"]), self.text_of(phone, "#order h2")
        placed = self.text_of(phone, "#order-placed")
        assert re.fullmatch(expected["date_time_de"], placed), f"the order date is not the API's German one: {placed}"
        self.shot(phone, "phone-order")

        # A second order, shipped: a new cart, a shipping method and an address.
        phone.find_element(By.CSS_SELECTOR, f'#products .product[data-id="{expected["product"]}"] .open').click()
        self.wait(phone, ready.element_to_be_clickable((By.CSS_SELECTOR, f'#product .add[data-sku="{expected["sku"]}"]')), "no product page").click()
        self.wait(phone, lambda d: d.find_elements(By.CSS_SELECTOR, f'#lines .line[data-sku="{expected["sku"]}"]'), "the line did not reach the new cart")
        Select(phone.find_element(By.ID, "fulfilment")).select_by_value(expected["ship"])
        for field, value in expected["address"].items():
            phone.find_element(By.ID, f"address-{field}").send_keys(value)
        self.shot(phone, "phone-ship-address")
        phone.find_element(By.ID, "place").click()
        self.wait(phone, lambda d: d.execute_script("return document.querySelector('#order-fulfilment')?.dataset.type") == "ship",
                  f"no ship order: {self.text_of(phone, '#problem')}")
        assert self.text_of(phone, "#order-fulfilment") == expected["address"]["city"], self.text_of(phone, "#order-fulfilment")
        self.shot(phone, "phone-ship-order")
        print("browser journey passed:", self.step, "screenshots in", self.arguments.screenshots)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", required=True)
    parser.add_argument("--shop", required=True)
    parser.add_argument("--screenshots", required=True)
    try:
        Run(parser.parse_args()).main()
    except Exception as error:  # the step's message names what failed
        print(f"browser journey failed: {error}", file=sys.stderr)
        sys.exit(1)
