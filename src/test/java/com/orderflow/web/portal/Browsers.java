package com.orderflow.web.portal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by the system chromedriver (never downloaded). Absent browser:
 * the tests are skipped with a message, unless ORDERFLOW_REQUIRE_BROWSER=true (CI), which fails them.
 */
final class Browsers {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** The role guides' pictures (docs/guide): every run of the browser tests takes them again. */
    static final Path GUIDE_SCREENSHOTS = Paths.get("docs", "guide", "screenshots");

    private Browsers() {
    }

    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "); install them with: apt-get install -y chromium chromium-driver";
        if (required()) {
            fail(message + " (ORDERFLOW_REQUIRE_BROWSER=true makes them mandatory)");
        }
        assumeTrue(false, message + " — skipped");
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getProperty("ORDERFLOW_REQUIRE_BROWSER"))
                || "true".equalsIgnoreCase(System.getenv("ORDERFLOW_REQUIRE_BROWSER"));
    }

    /** A fresh browser with its own profile; {@code languages} becomes its Accept-Language. */
    static WebDriver open(String languages) {
        try {
            Path profile = Files.createTempDirectory("orderflow-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1366,1000", "--lang=" + languages.split(",")[0],
                    "--accept-lang=" + languages, "--user-data-dir=" + profile.toAbsolutePath());
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void screenshot(WebDriver driver, String name) {
        save(driver, SCREENSHOTS, name);
    }

    /** A screenshot a role guide shows, under target/screenshots and docs/guide/screenshots alike. */
    static void guideScreenshot(WebDriver driver, String name) {
        save(driver, SCREENSHOTS, name);
        save(driver, GUIDE_SCREENSHOTS, name);
    }

    private static void save(WebDriver driver, Path directory, String name) {
        try {
            Files.createDirectories(directory);
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
