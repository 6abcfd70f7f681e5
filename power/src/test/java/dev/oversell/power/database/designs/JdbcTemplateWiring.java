package dev.oversell.power.database.designs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The beans every Spring JDBC design of the corpus has, as a Spring application declares them over its one
 * {@link DataSource}: a {@link JdbcTemplate}, the transaction manager behind {@code @Transactional}, and a
 * {@link TransactionTemplate} for the designs that begin their transactions in code. Each design registers its
 * service bean beside it.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
public class JdbcTemplateWiring {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(DataSourceTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
