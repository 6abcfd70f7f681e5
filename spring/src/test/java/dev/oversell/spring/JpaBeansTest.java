package dev.oversell.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The factory manages only the entities named, reads and writes through the given data source, and leaves the
 * schema alone (no table of Hibernate's own).
 */
class JpaBeansTest {

    @Test
    void managesOnlyTheNamedEntityOverTheGivenDataSourceAndCreatesNoTable() throws Exception {
        DataSource dataSource = FreshH2.open();
        FreshH2.run(dataSource, List.of("CREATE TABLE jpa_item (product VARCHAR(100) PRIMARY KEY, stock BIGINT NOT NULL)",
                "INSERT INTO jpa_item VALUES ('sku-1', 4)"));
        LocalContainerEntityManagerFactoryBean bean = JpaBeans.entityManagerFactory(dataSource, JpaItem.class);
        bean.afterPropertiesSet();
        EntityManagerFactory factory = bean.getObject();
        try {
            assertThat(factory.getMetamodel().getEntities()).singleElement()
                    .satisfies(e -> assertThat(e.getJavaType()).isEqualTo(JpaItem.class));
            EntityManager em = factory.createEntityManager();
            try {
                assertThat(em.find(JpaItem.class, "sku-1").stock).isEqualTo(4);
            } finally {
                em.close();
            }
        } finally {
            bean.destroy();
        }
        assertThat(FreshH2.queryLong(dataSource, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC'")).as("only the test's own table").isEqualTo(1);
    }

    @Entity
    @Table(name = "jpa_item")
    static class JpaItem {
        @Id
        String product;
        long stock;
    }
}
