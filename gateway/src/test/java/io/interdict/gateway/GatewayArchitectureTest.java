package io.interdict.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** STYLE.md: constructor injection, no @Value for settings, no cycles between feature packages. */
@AnalyzeClasses(packages = "io.interdict.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .orShould()
            .beAnnotatedWith(Value.class)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("io.interdict.gateway.(*)..")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);
}
