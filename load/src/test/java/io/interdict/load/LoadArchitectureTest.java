package io.interdict.load;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The driver measures the gateway from outside, like a partner: HTTP and the audit module only. */
@AnalyzeClasses(packages = "io.interdict.load", importOptions = ImportOption.DoNotIncludeTests.class)
class LoadArchitectureTest {

    @ArchTest
    static final ArchRule driverUsesNoGatewayDomainOrSpringCode = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.interdict.gateway..",
                    "io.interdict.domain..",
                    "io.interdict.config..",
                    "org.springframework..",
                    "org.axonframework..");
}
