package io.interdict.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md "Shape of the house": the domain depends on Axon's modelling API and the JDK only. */
@AnalyzeClasses(packages = "io.interdict.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfFrameworksOrTransport = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "javax.persistence..",
                    "jakarta.servlet..",
                    "org.hibernate..",
                    "org.bouncycastle..",
                    "com.fasterxml.jackson.databind..",
                    "java.sql..",
                    "java.net.http..",
                    "io.interdict.audit..",
                    "io.interdict.config..",
                    "io.interdict.gateway..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainUsesOnlyTheModellingApiOfAxon = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.axonframework.eventsourcing.eventstore..",
                    "org.axonframework.config..",
                    "org.axonframework.spring..",
                    "org.axonframework.springboot..",
                    "org.axonframework.axonserver..")
            .allowEmptyShould(true);
}
