package io.interdict.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md: audit is plain Java so that the offline verifier runs without the gateway. */
@AnalyzeClasses(packages = "io.interdict.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class AuditArchitectureTest {

    @ArchTest
    static final ArchRule auditDoesNotDependOnSpringOrTheGateway = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "org.axonframework..",
                    "io.interdict.gateway..",
                    "io.interdict.config..")
            .allowEmptyShould(true);
}
