package com.ledgerline.it.support;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through Debian's {@code chromedriver}
 * by Selenium WebDriver) on the deployed application, with a fresh profile per browser. Both paths
 * are given explicitly ({@code ledgerline.browser.binary}, {@code ledgerline.browser.driver}), so
 * Selenium Manager is never asked to find or download anything. Every wait is on a condition in the
 * page ({@link WebDriverWait}), never a sleep.
 */
public final class Browser implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String base;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  /**
   * @param deployment the deployment's base URL as Arquillian gives it
   */
  public Browser(URL deployment) throws IOException {
    String url = deployment.toString();
    this.base = url.endsWith("/") ? url : url + "/";
    this.profile = Files.createTempDirectory("ledgerline-chromium-");
    String binary = System.getProperty("ledgerline.browser.binary", "/usr/bin/chromium");
    String driverPath = System.getProperty("ledgerline.browser.driver", "/usr/bin/chromedriver");
    System.setProperty("webdriver.chrome.driver", driverPath);
    this.service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(driverPath))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-GB",
        "--window-size=1366,900",
        "--user-data-dir=" + profile);
    // keep the page's console messages, so a test can assert that a screen logged no error
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    // downloads land in the profile's own folder, without a prompt
    Files.createDirectories(downloads());
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads().toString(),
            "download.prompt_for_download",
            false));
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1366, 900));
  }

  /** The folder the browser saves downloads to (inside its profile, removed on close). */
  public Path downloads() {
    return profile.resolve("downloads");
  }

  /**
   * Waits until a download whose name ends with {@code suffix} has finished (no partial {@code
   * .crdownload} left) and returns it.
   */
  public Path awaitDownload(String suffix) {
    return until(
        d -> {
          try (Stream<Path> files = Files.list(downloads())) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) {
              return null;
            }
            return all.stream().filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /**
   * Chooses an option of the PrimeFaces select menu {@code menuId}: opens it and clicks the option
   * with this label until the component holds {@code value} (a click that lands while the panel is
   * still opening is tried again).
   */
  public void choose(String menuId, String label, String value) {
    By option = By.xpath("//div[@id='" + menuId + "_panel']//li[@data-label='" + label + "']");
    until(
        d -> {
          if (value.equals(
              script("return document.getElementById(arguments[0]).value;", menuId + "_input"))) {
            return true;
          }
          List<WebElement> options = d.findElements(option);
          if (!options.isEmpty() && options.get(0).isDisplayed()) {
            options.get(0).click();
          } else {
            d.findElement(By.id(menuId)).click();
          }
          return false;
        });
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the application (e.g. {@code sales/new.xhtml}). */
  public Browser open(String path) {
    driver.get(base + path);
    waitForPage();
    return this;
  }

  /** Signs in through the login form as a test user (the test password). */
  public Browser login(String user) {
    return login(user, System.getProperty("ledgerline.test.password", "ledgerline-test"));
  }

  public Browser login(String user, String password) {
    if (!driver.getCurrentUrl().contains("login.xhtml")) {
      open("login.xhtml");
    }
    type(By.id("login:userName"), user);
    type(By.id("login:password"), password);
    clickAndWaitForPage(By.id("login:submit"));
    return this;
  }

  /** Signs out with the header's logout button and waits for the login form. */
  public Browser logout() {
    clickAndWaitForPage(By.id("logoutForm:logout"));
    until(ExpectedConditions.presenceOfElementLocated(By.id("login:userName")));
    return this;
  }

  public void type(By field, String text) {
    WebElement element = until(ExpectedConditions.elementToBeClickable(field));
    element.clear();
    element.sendKeys(text);
  }

  /** Clicks something that loads a new page (a non-AJAX POST, a link) and waits for it. */
  public void clickAndWaitForPage(By target) {
    WebElement element = until(ExpectedConditions.elementToBeClickable(target));
    element.click();
    until(ExpectedConditions.stalenessOf(element));
    waitForPage();
  }

  /** Clicks something that updates the page by AJAX and waits until PrimeFaces' queue is idle. */
  public void clickAndWaitForAjax(By target) {
    until(ExpectedConditions.elementToBeClickable(target)).click();
    waitForAjax();
  }

  /** Waits until the document is loaded and no PrimeFaces request is running. */
  public void waitForPage() {
    until(d -> "complete".equals(script("return document.readyState")));
    waitForAjax();
  }

  public void waitForAjax() {
    until(
        d ->
            Boolean.TRUE.equals(
                script(
                    "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();"
                        + "")));
    until(d -> Boolean.TRUE.equals(script("return !window.jQuery || jQuery.active === 0;")));
  }

  /**
   * Waits until the condition answers a value (not null or false). An element that left the page
   * while being looked at (the page was replaced: a redirect, a new page) is looked for again:
   * Selenium's stale element, or chromedriver's "Node with given id does not belong to the
   * document", which it does not map to one.
   */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              try {
                return condition.apply(d);
              } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return null;
                }
                throw e;
              }
            });
  }

  /** Waits for an element with this text content to be visible; answers the element. */
  public WebElement waitForText(By locator, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }

  public String text(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  public Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /** The page's HTML source as the browser holds it now. */
  public String source() {
    return driver.getPageSource();
  }

  /**
   * Saves a screenshot of the whole page as {@code <ledgerline.screenshots>/<name>.png} (default
   * {@code target/screenshots}).
   */
  public Path screenshot(String name) throws IOException {
    Path directory = Path.of(System.getProperty("ledgerline.screenshots", "target/screenshots"));
    Files.createDirectories(directory);
    Object height = script("return Math.max(document.body.scrollHeight, 900);");
    driver.manage().window().setSize(new Dimension(1366, ((Number) height).intValue() + 40));
    script("window.scrollTo(0, 0);");
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    driver.manage().window().setSize(new Dimension(1366, 900));
    Path target = directory.resolve(name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
