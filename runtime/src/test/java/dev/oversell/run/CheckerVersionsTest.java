package dev.oversell.run;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckerVersionsTest {

    @Test
    void anOlderVersionIsNamedWithWhatTheCheckNeedsAndThePinThatFixesIt() {
        Map<String, String> found = new LinkedHashMap<>();
        found.put("org.jetbrains.kotlin:kotlin-stdlib", "1.9.25");
        found.put("net.bytebuddy:byte-buddy", "1.17.8");

        assertThat(CheckerVersions.LINCHECK.olderThanBuiltWith(found, Map.of(
                "org.jetbrains.lincheck:lincheck", "3.7",
                "org.jetbrains.kotlin:kotlin-stdlib", "2.2.0",
                "net.bytebuddy:byte-buddy", "1.14.12")))
                .containsExactly("org.jetbrains.kotlin:kotlin-stdlib 1.9.25 is on the class path, older than the 2.2.0"
                        + " Oversell's Lincheck 3.7 is built and tested with. Import dev.oversell:oversell-bom before spring-boot-dependencies (or any other"
                        + " BOM: the first import that manages an artifact wins), or pin org.jetbrains.kotlin:kotlin-stdlib"
                        + " 2.2.0 in <dependencyManagement>.");
    }

    @Test
    void theSameOrANewerVersionPasses() {
        assertThat(CheckerVersions.DATABASE.olderThanBuiltWith(
                Map.of("com.h2database:h2", "2.4.240", "com.zaxxer:HikariCP", "6.3.3"),
                Map.of("com.h2database:h2", "2.3.232", "com.zaxxer:HikariCP", "6.3.3"))).isEmpty();
    }

    @Test
    void versionsCompareByTheirNumbersNotAsText() {
        assertThat(CheckerVersions.compare("1.14.12", "1.9.0")).isPositive();
        assertThat(CheckerVersions.compare("2.2.0-release-294", "2.2.0")).isZero();
        assertThat(CheckerVersions.compare("0.16", "0.16.0")).isZero();
        assertThat(CheckerVersions.compare("1.10.2", "1.7.3")).isPositive();
    }

    @Test
    void theVersionOnTheClassPathIsReadFromTheArtifactsJar() {
        // H2 is on this module's class path at the version the build manages
        assertThat(CheckerVersions.versionOnClassPath(new CheckerVersions.Artifact("com.h2database:h2", "org.h2.Driver")))
                .contains(CheckerVersions.builtWith().get("com.h2database:h2"));
        assertThat(CheckerVersions.builtWith().get("com.h2database:h2")).isEqualTo("2.3.232");
    }

    @Test
    void anArtifactThatIsNotOnTheClassPathIsLeftToTheCheckThatNeedsIt() {
        assertThat(CheckerVersions.versionOnClassPath(new CheckerVersions.Artifact("org.openjdk.jcstress:jcstress-core",
                "org.openjdk.jcstress.Main"))).isEmpty();
        CheckerVersions.JCSTRESS.require();
    }

    @Test
    void everyVersionTheChecksCompareIsFilledInByTheBuild() {
        assertThat(CheckerVersions.builtWith()).hasSize(9).allSatisfy((coordinates, version) ->
                assertThat(version).as(coordinates).matches("\\d+(\\.\\d+)*"));
    }
}
