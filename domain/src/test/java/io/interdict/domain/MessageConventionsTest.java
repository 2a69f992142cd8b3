package io.interdict.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.interdict.domain.common.DomainEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** STYLE.md "Messages and aggregates": records, revisions from day one, and no clock reads in the model. */
@AnalyzeClasses(packages = "io.interdict.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class MessageConventionsTest {

    private static final DescribedPredicate<JavaClass> EVENTS = new DescribedPredicate<>("events") {
        @Override
        public boolean test(JavaClass type) {
            return type.isAssignableTo(DomainEvent.class) && !type.isInterface();
        }
    };

    private static final DescribedPredicate<JavaClass> COMMANDS = new DescribedPredicate<>("commands") {
        @Override
        public boolean test(JavaClass type) {
            return type.getAllFields().stream()
                    .anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class));
        }
    };

    private static final ArchCondition<JavaClass> BE_A_RECORD = new ArchCondition<>("be a record") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            events.add(new SimpleConditionEvent(type, type.reflect().isRecord(), type.getName() + " is a record"));
        }
    };

    private static final ArchCondition<JavaClass> CARRY_REVISION_ONE = new ArchCondition<>("carry @Revision(\"1\")") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            Revision revision = type.reflect().getAnnotation(Revision.class);
            boolean first = revision != null && "1".equals(revision.value());
            events.add(new SimpleConditionEvent(type, first, type.getName() + " carries @Revision(\"1\")"));
        }
    };

    @ArchTest
    static final ArchRule eventsAreRecordsAtRevisionOne =
            classes().that(EVENTS).should(BE_A_RECORD).andShould(CARRY_REVISION_ONE);

    @ArchTest
    static final ArchRule commandsAreRecords = classes().that(COMMANDS).should(BE_A_RECORD);

    /** Jackson writes no type information: a field typed as an interface other than a collection could not be read back. */
    private static final ArchCondition<JavaField> HAVE_A_CONCRETE_OR_COLLECTION_TYPE =
            new ArchCondition<>("have a concrete type or a java.util collection type") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    JavaClass type = field.getRawType();
                    boolean readable = type.isPrimitive()
                            || type.isEnum()
                            || !type.isInterface()
                                    && !type.getModifiers().contains(JavaModifier.ABSTRACT)
                                    && !type.isEquivalentTo(Object.class)
                            || type.getPackageName().equals("java.util");
                    events.add(new SimpleConditionEvent(
                            field, readable, field.getFullName() + " has type " + type.getName()));
                }
            };

    @ArchTest
    static final ArchRule messageFieldsAreNeverPolymorphic = fields().that()
            .areDeclaredInClassesThat(EVENTS.or(COMMANDS))
            .and()
            .areNotStatic()
            .should(HAVE_A_CONCRETE_OR_COLLECTION_TYPE);

    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone");
}
