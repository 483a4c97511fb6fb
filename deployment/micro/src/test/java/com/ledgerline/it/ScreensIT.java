package com.ledgerline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Browser;
import com.ledgerline.it.support.Invariants;
import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The screens in a real headless Chromium on Payara Micro (the shipped WAR, one deployment for
 * every browser test): signing in and out, what each role sees and may open. Screenshots of each
 * main screen go to {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScreensIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  @Test
  void aCashierSignsInSeesTheirNameRoleAndNavigationAndSignsOut() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.open("index.xhtml");
      assertTrue(
          browser.driver().getCurrentUrl().contains("login.xhtml"),
          "a signed-out user is sent to the login form: " + browser.driver().getCurrentUrl());
      browser.screenshot("01-login");

      browser.login("cashier", "not the password");
      assertTrue(browser.text(By.id("login:messages")).contains("not right"));
      assertTrue(browser.all(By.id("signedInUser")).isEmpty());

      browser.login("cashier");
      assertEquals("cashier", browser.text(By.id("signedInUser")));
      assertTrue(browser.source().contains(">CASHIER<"), "the role is shown");
      assertFalse(browser.all(By.id("navNewSale")).isEmpty(), "a cashier may sell");
      assertTrue(browser.all(By.id("navApprovals")).isEmpty(), "a cashier decides nothing");
      browser.screenshot("02-home-cashier");

      browser.logout();
      browser.open("index.xhtml");
      assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"), "signed out for good");
    }
    Invariants.assertHold(new Api(base).as("auditor"));
  }

  @Test
  void aCashierOpeningTheApprovalsIsRefusedWithTheForbiddenPage() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.open("approvals/inbox.xhtml");
      browser.login("cashier");
      // the login form returns to the page asked for, which the cashier may not open
      browser.screenshot("09-forbidden");
      assertTrue(
          browser.source().contains("errorText"),
          browser.driver().getCurrentUrl() + "\n" + browser.source());
      assertEquals(
          "Your roles do not allow this page. Ask an administrator if you need it.",
          browser.text(By.id("errorText")));
    }
    Invariants.assertHold(new Api(base).as("auditor"));
  }
}
