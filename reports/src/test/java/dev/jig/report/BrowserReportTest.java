package dev.jig.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import dev.jig.record.ProfileRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens a rendered fixture report in headless Chromium and uses it as a reader would. Skipped when the
 * system's chromium and chromedriver are absent ({@code .ci/run} installs them).
 */
@Timeout(120)
class BrowserReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        page = HtmlReport.write(Fixtures.sample(), dir);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void load() {
        browser.get(page.toUri().toString());
    }

    @Test
    void pageLoadsWithoutConsoleErrors() {
        assertEquals(List.of(), severeConsoleMessages());
    }

    private static List<String> severeConsoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Test
    void flameGraphDrawsAndZoomsOnClick() {
        tab("profiles");
        List<WebElement> frames = browser.findElements(By.cssSelector("svg.flame rect"));
        assertTrue(frames.size() >= 4, "root, withdraw, lookup, encode: " + frames.size());
        String before = info();

        clickFrame("atm.Bank.balanceLookup");

        assertNotEquals(before, info());
        assertTrue(info().contains("zoomed"), info());
        double width = Double.parseDouble(frameRect("atm.Bank.balanceLookup").getAttribute("width"));
        assertEquals(1100.0, width, 0.5, "the zoomed frame fills the width");
        browser.findElement(By.cssSelector(".flame-reset")).click();
        assertFalse(info().contains("zoomed"));
    }

    @Test
    void searchFindsAMethodAndShowsItsShare() {
        tab("profiles");
        browser.findElement(By.cssSelector(".flame-search")).sendKeys("Codec");

        assertEquals(1, browser.findElements(By.cssSelector("svg.flame rect.match")).size());
        assertTrue(info().startsWith("matches: 56.3%"), info());
    }

    @Test
    void flatTableSortsByColumn() {
        tab("profiles");
        WebElement calls = browser.findElements(By.cssSelector("table.flat th")).get(1);
        calls.click();

        assertEquals("atm.Codec.encode", firstFlatMethod(), "most calls first");
        calls.click();
        assertEquals("atm.Client.withdraw", firstFlatMethod(), "fewest calls first");
        browser.findElement(By.cssSelector("table.flat tbody tr")).click();
        assertTrue(browser.findElement(By.cssSelector(".rel")).getText().contains("atm.Codec.encode"), "callees");
    }

    @Test
    void failingTestShowsItsProcessOutputTail() {
        browser.findElement(By.xpath("//a[@class='test-link' and contains(., 'anonymousIsRefused')]")).click();

        String tail = browser.findElement(By.cssSelector(".output-tail")).getText();
        assertTrue(tail.contains("API_TOKEN=*** refused"), tail);
        assertTrue(browser.findElement(By.cssSelector(".failure")).getText().contains("expected: <true>"));
    }

    @Test
    void failingTestShowsItsMessagesOnTheTimelineAxisAndTheSlowestHops() throws Exception {
        browser.findElement(By.xpath("//a[@class='test-link' and contains(., 'anonymousIsRefused')]")).click();

        WebElement sequence = browser.findElement(By.cssSelector("svg.sequence"));
        assertEquals(4, sequence.findElements(By.cssSelector("line.msg")).size(), "two requests, two replies");
        assertEquals(3, sequence.findElements(By.cssSelector("rect.hold")).size());
        assertEquals(1, sequence.findElements(By.cssSelector("rect.wait")).size(), "the test thread's park");
        String wait = browser.findElement(By.xpath(
                "//h3[.='Where the test JVM waited']/following-sibling::table[1]//tbody/tr")).getText();
        assertTrue(wait.startsWith("main park on java.util.concurrent.CompletableFuture 2.6 ms"), wait);
        assertTrue(wait.contains("AtmTest.anonymousIsRefused:42"), wait);
        List<String> lanes = sequence.findElements(By.cssSelector("text")).stream()
                .map(t -> t.getAttribute("textContent")).toList();
        assertTrue(lanes.containsAll(List.of("client", "atm", "bank")), lanes.toString());
        String firstHop = browser.findElement(By.xpath("//h3[.='Slowest hops']/following-sibling::table[1]//tbody/tr"))
                .getText();
        assertTrue(firstHop.startsWith("atm from withdraw 50 for nobody #1 to asking bank 2.1 ms"), firstHop);

        String wholeEnd = axisEnd(sequence);
        browser.findElement(By.xpath("//button[.='Test body']")).click();
        WebElement zoomed = browser.findElement(By.cssSelector("svg.sequence"));
        assertNotEquals(wholeEnd, axisEnd(zoomed), "the axis follows the zoom");
        assertEquals("19.3 ms", axisEnd(zoomed), "the test body ends at 19.3 ms");
        assertEquals(axisEnd(zoomed), axisEnd(browser.findElement(By.cssSelector("svg.gantt"))),
                "phases and messages share one time axis");
        assertEquals(List.of(), severeConsoleMessages());
        browser.findElement(By.xpath("//button[.='Whole test']")).click();
        ((JavascriptExecutor) browser).executeScript("document.querySelector('svg.gantt').scrollIntoView()");
        Path docs = Path.of(System.getProperty("jig.screenshot.dir", "target"));
        Files.createDirectories(docs);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), docs.resolve("report-trace.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String axisEnd(WebElement chart) {
        List<WebElement> texts = chart.findElements(By.cssSelector("text"));
        return texts.get(texts.size() - 1).getAttribute("textContent");
    }

    @Test
    void statusFilterLeavesOnlyTheFailures() {
        tab("tests");
        browser.findElement(By.cssSelector("#status-filter input[data-status='passed']")).click();

        List<WebElement> shown = browser.findElements(By.cssSelector("#test-list li"));
        assertEquals(2, shown.size(), "the failing test and the hostile one");
        assertTrue(shown.stream().allMatch(li -> !li.findElements(By.cssSelector(".dot.st-failed")).isEmpty()));
    }

    @Test
    void hostileNameStaysInertText() {
        tab("tests");
        browser.findElement(By.xpath("//li[contains(., 'onerror')]")).click();

        JavascriptExecutor js = browser;
        assertEquals(0L, js.executeScript("return document.querySelectorAll('img').length"), "no element made");
        assertTrue(browser.findElement(By.id("test-detail")).getText().contains(Fixtures.HOSTILE));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no script ran");
    }

    @Test
    void diffPageDrawsTheDifferentialFlameGraph() {
        RunRecord base = Fixtures.run("base", Instant.parse("2026-11-23T07:00:00Z"),
                List.of(Fixtures.passing("janeCanWithdraw()", 1.0)));
        RunRecord head = Fixtures.run("head", Instant.parse("2026-11-23T08:00:00Z"),
                List.of(Fixtures.passing("janeCanWithdraw()", 3.0)));
        browser.get(RunDiff.write(base, head, dir.resolve("diff")).toUri().toString());

        tab("diff");

        assertTrue(browser.findElements(By.cssSelector("#diff-body svg.flame rect")).size() >= 4);
        assertTrue(browser.findElement(By.id("diff-body")).getText().contains("atm.Bank.balanceLookup"));
        assertEquals(List.of(), severeConsoleMessages());
    }

    @Test
    void screenshotForTheReadme() throws Exception {
        TestRecord jane = Fixtures.passing("janeCanWithdraw()", 1.0);
        TestRecord profiled = new TestRecord(jane.id(), jane.className(), jane.methodName(), jane.displayName(),
                jane.status(), jane.durationNanos(), null, jane.phases(), jane.processes(), jane.fakes(),
                new ProfileRecord(Fixtures.screenshotProfile(), null), null, null);
        RunRecord run = Fixtures.run("2026-11-23 sample suite", Instant.parse("2026-11-23T07:00:00Z"),
                List.of(profiled, Fixtures.failing(), Fixtures.benchmarked(1.0)));
        browser.get(HtmlReport.write(run, dir.resolve("shot")).toUri().toString());
        tab("profiles");
        browser.findElement(By.cssSelector(".flame-search")).sendKeys("Frames");
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path docs = Path.of(System.getProperty("jig.screenshot.dir", "target"));
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void tab(String view) {
        browser.findElement(By.cssSelector("#tabs button[data-view='" + view + "']")).click();
    }

    private String info() {
        return browser.findElement(By.cssSelector(".flame-info")).getText();
    }

    private WebElement frameRect(String name) {
        for (WebElement rect : browser.findElements(By.cssSelector("svg.flame rect"))) {
            String title = rect.findElement(By.tagName("title")).getAttribute("textContent");
            if (title.startsWith(name + "\n")) {
                return rect;
            }
        }
        throw new AssertionError("no frame " + name);
    }

    private void clickFrame(String name) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", frameRect(name));
    }

    private String firstFlatMethod() {
        return browser.findElement(By.cssSelector("table.flat tbody tr td")).getText();
    }
}
