package org.watchfloor.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Keeps the core free of chat SDKs, the scheduler and web classes, so that every adapter depends inward only. */
class ArchitectureTests {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.watchfloor.core");

    @Test
    void importFindsTheCoreClasses() {
        assertThat(CORE.size()).isGreaterThan(40);
        assertThat(CORE.containPackage("org.watchfloor.core.ticket")).isTrue();
        assertThat(CORE.containPackage("org.watchfloor.core.command")).isTrue();
        assertThat(CORE.containPackage("org.watchfloor.core.access")).isTrue();
        assertThat(CORE.stream().map(javaClass -> javaClass.getSimpleName())).doesNotContain("ArchitectureTests");
    }

    @Test
    void coreUsesNoAdapterLibraries() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.watchfloor.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.slack..",
                        "net.dv8tion..",
                        "org.quartz..",
                        "jakarta.servlet..",
                        "org.springframework.web..");

        rule.check(CORE);
    }
}
