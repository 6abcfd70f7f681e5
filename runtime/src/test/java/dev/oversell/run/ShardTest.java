package dev.oversell.run;

import dev.oversell.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shard is {@code k/n}, fails loudly otherwise, and a unit's shard depends on its name alone: the same unit lands
 * in the same shard whatever else is in the catalogue, and every unit lands in exactly one shard.
 */
class ShardTest {

    @AfterEach
    void clear() {
        System.clearProperty(Shard.SETTING);
    }

    @Test
    void aShardIsKOfNAndAnythingElseFailsNamingTheSetting() {
        assertThat(Shard.parse("1/2")).isEqualTo(new Shard(1, 2));
        assertThat(Shard.parse(" 2 / 2 ")).isEqualTo(new Shard(2, 2));
        for (String wrong : List.of("0/2", "3/2", "x", "1/0", "-1/2", "1/2/3", "1/", "/2", "1", "a/b")) {
            assertThatThrownBy(() -> Shard.parse(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Doversell.shard").hasMessageContaining("OVERSELL_SHARD")
                    .hasMessageContaining("'" + wrong + "'");
        }
    }

    @Test
    void withoutTheSettingARunIsTheWholeAndWithItTheNamedShard() {
        assertThat(Shard.current()).isEqualTo(Shard.WHOLE);
        assertThat(Shard.current().whole()).isTrue();
        System.setProperty(Shard.SETTING, "2/3");
        assertThat(Shard.current()).isEqualTo(new Shard(2, 3));
        assertThat(Shard.current()).hasToString("2/3");
        System.setProperty(Shard.SETTING, "3/2");
        assertThatThrownBy(Shard::current).hasMessageContaining("'3/2'");
    }

    @Test
    void everyUnitLandsInExactlyOneShardAndTheWholeRunsThemAll() {
        List<String> units = new ArrayList<>();
        IntStream.range(0, 200).forEach(i -> units.add(Shard.unit("lincheck", "design-" + i)));
        for (Engine engine : Engine.values()) {
            IntStream.range(0, 50).forEach(i -> units.add(Shard.unit("database", "db-" + i, engine)));
        }
        for (int n = 1; n <= 5; n++) {
            int count = n;
            Map<Integer, Integer> perShard = new LinkedHashMap<>();
            for (String unit : units) {
                List<Integer> shards = IntStream.rangeClosed(1, count).filter(k -> new Shard(k, count).runs(unit))
                        .boxed().toList();
                assertThat(shards).as("the shards of %s among %d", unit, count).hasSize(1);
                perShard.merge(shards.get(0), 1, Integer::sum);
            }
            assertThat(perShard).as("units per shard among %d", count).hasSize(count);
            perShard.values().forEach(k -> assertThat(k).as("a fair share of %d units among %d", units.size(), count)
                    .isGreaterThan(units.size() / count / 2));
        }
        assertThat(units).allMatch(Shard.WHOLE::runs);
    }

    @Test
    void whatATakeTookIsKeptForTheFamilysRecord() {
        List<String> units = List.of("lincheck/naive", "lincheck/synchronized", "lincheck/actor");
        List<String> taken = new Shard(2, 2).take("lincheck", units, unit -> unit);
        assertThat(Shard.taken("lincheck")).isEqualTo(new Units(units, taken));
        assertThat(taken).allMatch(new Shard(2, 2)::runs);
        assertThat(Units.of(new Shard(1, 2), units).taken()).doesNotContainAnyElementsOf(taken)
                .hasSize(units.size() - taken.size());
    }

    @Test
    void aUnitsShardIsAFunctionOfItsNameAlone() {
        String unit = Shard.unit("database", "db-conditional-update", Engine.H2);
        assertThat(unit).isEqualTo("database/db-conditional-update/h2");
        assertThat(Shard.unit("lincheck", "naive")).isEqualTo("lincheck/naive");
        // pinned (CRC-32 of the UTF-8 name: 1891745863 and 2775093971, as zlib.crc32 gives them): a change of the
        // rule would move units between the shards of CI jobs already running
        assertThat(Shard.of(unit, 2)).isEqualTo(2);
        assertThat(Shard.of(unit, 7)).isEqualTo(1);
        assertThat(Shard.of("lincheck/naive", 2)).isEqualTo(2);
        assertThat(Shard.of("lincheck/naive", 7)).isEqualTo(7);
        assertThat(new Shard(2, 2).runs(unit)).isTrue();
        assertThat(new Shard(1, 2).runs(unit)).isFalse();
    }
}
