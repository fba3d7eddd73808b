package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named by path so that
 * Selenium Manager never runs (it would download a driver), with the network switched off: a report
 * must work from a file with nothing fetched. One per test class; closing quits it.
 */
final class Browser implements AutoCloseable {
  /** Debian's paths; a system property may name others (or a missing one, to try the skip). */
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("costwise.chromedriver", "/usr/bin/chromedriver"));

  static final Path CHROMIUM =
      Path.of(System.getProperty("costwise.chromium", "/usr/bin/chromium"));

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Why browser tests are skipped on a machine without Chromium. */
  static final String MISSING =
      "browser tests need Debian's chromium and chromium-driver (apt-get install chromium"
          + " chromium-driver); skipped";

  /**
   * Whether Chromium and its driver are installed. Under CI ({@code CI} set, as {@code .ci/run}
   * does) a missing browser is a failure, not a reason to skip.
   */
  static boolean installed() {
    boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!installed && System.getenv("CI") != null) {
      fail(
          "CI is set but "
              + CHROMEDRIVER
              + " or "
              + CHROMIUM
              + " is missing; .ci/run installs Debian's chromium and chromium-driver");
    }
    return installed;
  }

  /** Starts the browser; see {@link #installed()} first. */
  static Browser start() {
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    driver.setNetworkConditions(offline);
    return new Browser(driver);
  }

  /** Opens a file and checks that the page fetched nothing and logged no error. */
  void open(Path file) {
    driver.get(file.toUri().toString());
    assertEquals(
        0L,
        script("return performance.getEntriesByType('resource').length"),
        "the report fetched something");
    assertNoConsoleErrors();
  }

  void assertNoConsoleErrors() {
    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertEquals(List.of(), errors.stream().map(LogEntry::toString).toList(), "console errors");
  }

  WebElement find(String id) {
    return driver.findElement(By.id(id));
  }

  String text(String id) {
    return find(id).getText();
  }

  /** Replaces an input's text as a person would: select all, type. */
  void type(String id, String text) {
    WebElement input = find(id);
    input.clear();
    input.sendKeys(text);
  }

  /** Picks the option with this text in a {@code <select>}, by clicking it. */
  void choose(String id, String optionText) {
    find(id).click();
    find(id).findElements(By.tagName("option")).stream()
        .filter(option -> option.getText().equals(optionText))
        .findFirst()
        .orElseThrow()
        .click();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /**
   * Saves a screenshot under {@code target/screenshots/}: of the element with that id, or of the
   * viewport when the id is null.
   */
  Path screenshot(String name, String id) throws java.io.IOException {
    File shot =
        id == null
            ? driver.getScreenshotAs(OutputType.FILE)
            : find(id).getScreenshotAs(OutputType.FILE);
    Path out = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(out.getParent());
    return Files.copy(shot.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
