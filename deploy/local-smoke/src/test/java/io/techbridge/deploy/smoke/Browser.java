package io.techbridge.deploy.smoke;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless Debian chromium driven through Debian's chromedriver. Both binaries are named
 * explicitly, so Selenium Manager never looks for (or downloads) a browser or driver.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Where the console's downloads (error reports, statistics workbooks) are saved. */
    static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(30);
    // Debian's chromium is newer than the DevTools versions Selenium bundles; the tests use no DevTools.
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final String scenario;
    private int step;

    /** Fails (never skips) when the browser is missing: CI installs it, a developer must too. */
    static void requireInstalled() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The console's browser tests need Debian's chromium and chromedriver at " + CHROMIUM + " and "
                        + CHROMEDRIVER + ": apt-get install chromium chromium-driver (.ci/run installs them)");
    }

    Browser(String scenario) {
        requireInstalled();
        this.scenario = scenario;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=zh-CN", "--disable-gpu", "--no-first-run", "--disable-extensions");
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        if ("root".equals(System.getProperty("user.name"))) {
            // chromium refuses its sandbox to root
            options.addArguments("--no-sandbox");
        }
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Goes to a view of the console by its hash route, e.g. {@code #/board}. */
    void route(String hash) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", hash);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement find(String testId) {
        return find(testId(testId));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void click(String testId) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(testId(testId))).click();
    }

    void type(String testId, String text) {
        WebElement input = find(testId);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value as the page sees typing end (date and month inputs read typed text by locale). */
    void setValue(String testId, String value) {
        script("const el = arguments[0]; el.value = arguments[1];"
                + " el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
                find(testId), value);
    }

    /** Chooses an option of a select by its value. */
    void select(String testId, String value) {
        new org.openqa.selenium.support.ui.Select(find(testId)).selectByValue(value);
    }

    /** Ticks a checkbox (leaves it ticked when it already is). */
    void check(String testId) {
        WebElement box = find(testId);
        if (!box.isSelected()) {
            box.click();
        }
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(WAIT, condition);
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits for the progress bar to go and for no request to be under way. */
    void idle() {
        waitUntil(d -> Boolean.FALSE.equals(script("return window.__techbridgeBusy === true")));
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** The visible text of the page body, as a user reads it. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void logIn(ConsoleStack.Account account) {
        find("login-form");
        type("login-username", account.username());
        type("login-password", account.password());
        click("login-submit");
        find("nav");
    }

    /** Saves the page as target/screenshots/&lt;scenario&gt;-&lt;step&gt;-&lt;name&gt;.png. */
    Path screenshot(String name) throws IOException {
        idle();
        Files.createDirectories(SCREENSHOTS);
        step++;
        Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", scenario, step, name));
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
