package io.interdict.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md: config holds settings and the bootstrap file format, no wiring and no business logic. */
@AnalyzeClasses(packages = "io.interdict.config", importOptions = ImportOption.DoNotIncludeTests.class)
class ConfigArchitectureTest {

    @ArchTest
    static final ArchRule configDoesNotReachIntoTheApplication = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.interdict.gateway..",
                    "org.springframework.web..",
                    "org.springframework.security..",
                    "jakarta.persistence..",
                    "org.axonframework..")
            .allowEmptyShould(true);
}
