package com.orderflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The portal's error pages answer for every screen, wherever its feature keeps it. */
class PortalScreensTest {

    @Test
    void everyScreenControllerIsCoveredByThePortalsErrorPages() throws ClassNotFoundException {
        List<String> covered = List.of(Class.forName("com.orderflow.web.PortalErrors")
                .getAnnotation(ControllerAdvice.class).basePackages());
        List<JavaClass> screens = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ImportGraphTest.ROOT).stream()
                .filter(c -> c.isAnnotatedWith(Controller.class) && !c.isAnnotatedWith(RestController.class)).toList();
        assertThat(screens).as("the portal's controllers").hasSizeGreaterThan(5);
        assertThat(screens).allSatisfy(c -> assertThat(covered).as(c.getName()).contains(c.getPackageName()));
    }
}
