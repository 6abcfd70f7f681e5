package dev.oversell.stress.jcstress;

import dev.oversell.design.Designs;
import dev.oversell.run.Shard;
import dev.oversell.stress.scenarios.OppositeOrders;
import dev.oversell.stress.scenarios.OrderRacingPurchase;
import dev.oversell.stress.scenarios.OrdersState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units the stress suite looks at before it starts jcstress ({@link StressRun#units}, to tell a shard with
 * nothing to do) are the units the jcstress process plans ({@link StressRun#plan}): whatever design is chosen, a
 * shard plans its own units, and the shards of a split plan every unit of the whole run once.
 */
class StressRunPlanTest {

    @AfterEach
    void clear() {
        System.clearProperty(Shard.SETTING);
        System.clearProperty(Designs.ONLY);
    }

    private static List<String> planned(String only, String shard) throws Exception {
        System.setProperty(Shard.SETTING, shard);
        if (only.isEmpty()) {
            System.clearProperty(Designs.ONLY);
        } else {
            System.setProperty(Designs.ONLY, only);
        }
        return StressRun.plan(only, "all").stream().map(p -> Shard.unit(StressRun.FAMILY, p.name())).toList();
    }

    @Test
    void eachShardPlansItsOwnUnitsAndTheShardsPlanTheWholeRunOnce() throws Exception {
        for (String only : List.of("", "naive", StressRun.ACTOR_RUNTIME)) {
            List<String> whole = planned(only, "1/1");
            assertThat(whole).as("the whole run, %s", only.isEmpty() ? "every design" : only)
                    .isEqualTo(StressRun.units(only)).isNotEmpty();
            List<String> shards = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                Shard shard = new Shard(k, 3);
                List<String> mine = planned(only, shard.toString());
                assertThat(mine).as("shard %s, %s", shard, only).isEqualTo(StressRun.units(only).stream()
                        .filter(shard::runs).toList());
                shards.addAll(mine);
            }
            assertThat(shards).as("the shards of 3, %s", only).containsExactlyInAnyOrderElementsOf(whole);
        }
        assertThat(planned("", "1/1")).contains(Shard.unit(StressRun.FAMILY, "naive"),
                Shard.unit(StressRun.FAMILY, StressRun.ACTOR_RUNTIME));
        assertThat(planned("naive", "1/1")).containsExactly(Shard.unit(StressRun.FAMILY, "naive"));
    }

    /** A design that sells one product at a time is not asked to place orders: the orders' scenarios are not its. */
    @Test
    void theOrdersScenariosArePlannedOnlyForDesignsThatTakeOrders() throws Exception {
        System.setProperty(Designs.ONLY, "naive");
        List<Class<?>> naive = StressRun.plan("naive", "all").get(0).tests();
        assertThat(naive).isNotEmpty().noneMatch(OrdersState.class::isAssignableFrom);
        assertThat(StressRun.listedTests()).as("the orders' scenarios are in the jar")
                .contains(OppositeOrders.class.getName(), OrderRacingPurchase.class.getName());
    }
}
