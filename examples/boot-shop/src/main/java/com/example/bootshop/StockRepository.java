package com.example.bootshop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The shop's stock rows, through Spring Data JPA. */
public interface StockRepository extends JpaRepository<StockItem, String> {

    /**
     * The check and the act in one statement: {@code update stock_item set stock=stock-? where product=? and
     * stock>=?}; 1 if the units were taken, 0 if too few (or no such product).
     */
    @Modifying
    @Query("update StockItem s set s.stock = s.stock - :units where s.product = :product and s.stock >= :units")
    int takeIfEnough(String product, int units);

    /** A restock: one atomic statement; 1 if the product exists and its stock is at most {@code ceiling}. */
    @Modifying
    @Query("update StockItem s set s.stock = s.stock + :units where s.product = :product and s.stock <= :ceiling")
    int add(String product, long units, long ceiling);
}
