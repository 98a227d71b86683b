package io.idcardstream.server;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.javascript.SilentJavaScriptErrorListener;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * The try page in HtmlUnit (a headless browser in Java, with its own JavaScript engine, fetch and WebCrypto), for
 * tests that drive it as a person would: type, choose, click, then read what the page shows.
 *
 * <p>The browser reaches loopback only: any other request (e.g. the preview of an {@code ImageUrl} such as the
 * metadata address) is refused inside the browser and recorded, so no test sends traffic off this machine.
 * Script errors, synchronous or in promise callbacks, are collected and fail {@link #submitAndWait}.
 *
 * <p>Threading notes: confined to the test thread (HtmlUnit runs the page's timers and fetches on its own
 * threads and is synchronised internally).
 */
public final class TryPageBrowser implements AutoCloseable {
    private final WebClient client = new WebClient(BrowserVersion.CHROME);
    private final List<String> refusedUrls = new CopyOnWriteArrayList<>();
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private HtmlPage page;

    public TryPageBrowser() {
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
        client.getOptions().setThrowExceptionOnScriptError(false);
        client.setJavaScriptErrorListener(new SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage failing, ScriptException exception) {
                scriptErrors.add(exception.getMessage());
            }
        });
        new WebConnectionWrapper(client) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                URL url = request.getUrl();
                if (!isLoopback(url)) {
                    refusedUrls.add(url.toString());
                    throw new IOException("This test browser reaches loopback only; refused " + url);
                }
                sent.add(request.getHttpMethod() + " " + url + " " + request.getAdditionalHeaders() + " "
                        + request.getRequestBody());
                return super.getResponse(request);
            }
        };
    }

    private static boolean isLoopback(URL url) {
        String host = url.getHost();
        if (!host.equals("localhost") && !host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false; // never resolve other names
        }
        try {
            return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads the page and waits until its script has wired the form. */
    public TryPageBrowser open(String url) throws IOException {
        page = client.getPage(url);
        waitFor("the page script to be ready", () -> "true".equals(form().getAttribute("data-ready")),
                Duration.ofSeconds(10));
        return this;
    }

    public HtmlPage page() {
        return page;
    }

    public TryPageBrowser type(String id, String text) {
        HtmlInput input = page.getHtmlElementById(id);
        input.setValue(text);
        return this;
    }

    public TryPageBrowser choose(String radioId) throws IOException {
        HtmlRadioButtonInput radio = page.getHtmlElementById(radioId);
        radio.click();
        return this;
    }

    /** Sets a Config checkbox (by its {@code data-config} name) or a flag checkbox (by id) on or off. */
    public TryPageBrowser option(String configNameOrId, boolean on) {
        DomElement box = page.getElementById(configNameOrId);
        if (box == null) {
            box = page.querySelector("input[data-config=\"" + configNameOrId + "\"]");
        }
        ((HtmlCheckBoxInput) box).setChecked(on);
        return this;
    }

    public TryPageBrowser select(String id, String value) {
        HtmlSelect select = page.getHtmlElementById(id);
        select.setSelectedAttribute(value, true);
        return this;
    }

    public TryPageBrowser upload(File file) {
        HtmlFileInput input = page.getHtmlElementById("image-file");
        input.setFiles(file);
        return this;
    }

    /**
     * Clicks Recognise and waits until the page shows an outcome (fields or an error) and the button is enabled
     * again, failing on a script error.
     */
    public TryPageBrowser submitAndWait(Duration deadline) throws IOException {
        HtmlElement submit = page.getHtmlElementById("submit");
        submit.click();
        waitFor("the outcome", () -> (!hidden("result") || !hidden("error")) && !submit.hasAttribute("disabled"),
                deadline);
        if (!scriptErrors.isEmpty()) {
            throw new AssertionError("The page's script failed: " + scriptErrors);
        }
        return this;
    }

    private void waitFor(String what, BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited " + deadline.toMillis() + " ms for " + what + "; status '"
                        + text("#status") + "', script errors " + scriptErrors);
            }
            // Runs the page's pending jobs (promise callbacks, timers) for up to 20 ms.
            client.waitForBackgroundJavaScript(20);
        }
    }

    private DomElement form() {
        return page.getElementById("try-form");
    }

    /** Whether the element with this id has the {@code hidden} attribute. */
    public boolean hidden(String id) {
        return page.getElementById(id).hasAttribute("hidden");
    }

    /** The text of the first element matching {@code selector}, or null when none does. */
    public String text(String selector) {
        DomNode node = page.querySelector(selector);
        return node == null ? null : node.getTextContent();
    }

    public String attribute(String selector, String name) {
        DomElement element = page.querySelector(selector);
        return element == null ? null : element.getAttribute(name);
    }

    /** Each element matching {@code selector} as its text content, in document order. */
    public List<String> texts(String selector) {
        List<String> texts = new ArrayList<>();
        for (DomNode node : page.querySelectorAll(selector)) {
            texts.add(node.getTextContent());
        }
        return texts;
    }

    /** Every request the browser sent: method, URL, the page's headers and the body. */
    public List<String> sentRequests() {
        return List.copyOf(sent);
    }

    /** URLs the page tried to load from anywhere but loopback (refused). */
    public List<String> refusedUrls() {
        return List.copyOf(refusedUrls);
    }

    /** Runs {@code script} (an expression giving a Promise of a string) and waits for its value. */
    public String evaluateAsync(String script, Duration deadline) {
        page.executeJavaScript("document.body.removeAttribute('data-async');"
                + "Promise.resolve().then(function () { return " + script + "; })"
                + ".then(function (v) { document.body.setAttribute('data-async', 'ok:' + v); },"
                + " function (e) { document.body.setAttribute('data-async', 'error:' + e); });");
        waitFor("the script's promise", () -> page.getBody().hasAttribute("data-async"), deadline);
        return page.getBody().getAttribute("data-async");
    }

    @Override
    public void close() {
        client.close();
    }
}
