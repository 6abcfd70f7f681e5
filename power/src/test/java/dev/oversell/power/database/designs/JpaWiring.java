package dev.oversell.power.database.designs;

import dev.oversell.catalogue.jpa.StockItem;
import dev.oversell.catalogue.jpa.VersionedStockItem;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The JPA beans of the corpus's JPA designs: Hibernate over the design's {@link DataSource} (no pool of its own,
 * no schema generation: the tables are the corpus's), managing the catalogue's {@code stock_item} entities
 * ({@link StockItem}, or {@link VersionedStockItem} with its {@code @Version}), a JPA transaction manager behind
 * {@code @Transactional}, and a {@link TransactionTemplate}. One nested class per entity.
 */
public final class JpaWiring {

    private JpaWiring() {
    }

    static LocalContainerEntityManagerFactoryBean over(DataSource dataSource, Class<?> entity) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setManagedTypes(PersistenceManagedTypes.of(entity.getName()));
        factory.setPersistenceUnitName("corpus-" + entity.getSimpleName());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "none"));
        return factory;
    }

    /** Transactions over {@link StockItem}, which has no version. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    public static class Unversioned {
        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            return over(dataSource, StockItem.class);
        }

        @Bean
        JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }

        @Bean
        TransactionTemplate transactionTemplate(JpaTransactionManager transactionManager) {
            return new TransactionTemplate(transactionManager);
        }
    }

    /** Transactions over {@link VersionedStockItem}, whose {@code @Version} Hibernate checks on every update. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    public static class Versioned {
        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            return over(dataSource, VersionedStockItem.class);
        }

        @Bean
        JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }

        @Bean
        TransactionTemplate transactionTemplate(JpaTransactionManager transactionManager) {
            return new TransactionTemplate(transactionManager);
        }
    }
}
