package com.ledgerline.reports.control;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles every {@code *.jrxml} of a directory into a {@code .jasper} file of another, at build
 * time (Maven's {@code process-classes} phase runs it through the exec plugin); the application
 * only loads compiled templates. Fails the build on the first template that does not compile.
 *
 * <p>Usage: {@code TemplateCompiler SOURCE_DIR TARGET_DIR}.
 */
public final class TemplateCompiler {
  private TemplateCompiler() {}

  public static void main(String[] args) throws IOException, JRException, URISyntaxException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TemplateCompiler SOURCE_DIR TARGET_DIR");
    }
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]);
    Files.createDirectories(target);
    // Maven's exec plugin loads the project in a class loader of its own; the expression classes
    // of a template are compiled against that class path, not the launcher's
    DefaultJasperReportsContext.getInstance()
        .setProperty("net.sf.jasperreports.compiler.classpath", classPath());
    List<Path> templates;
    try (Stream<Path> files = Files.list(source)) {
      templates = files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
    }
    for (Path template : templates) {
      String name = template.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
      JasperCompileManager.compileReportToFile(
          template.toString(), target.resolve(name).toString());
      System.out.println("compiled report template " + template.getFileName() + " -> " + name);
    }
  }

  private static String classPath() throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    while (loader != null) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          if ("file".equals(url.getProtocol())) {
            entries.add(new File(url.toURI()).getPath());
          }
        }
      }
      loader = loader.getParent();
    }
    entries.add(System.getProperty("java.class.path"));
    return String.join(File.pathSeparator, entries);
  }
}
