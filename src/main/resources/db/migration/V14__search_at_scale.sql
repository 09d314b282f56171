-- The managers' contains-search over every order, flat at a million orders (measured there with V11 alone:
-- 33 ms of PostgreSQL per search by a whole order number, 5 to 8 ms per customer name). A trigram index
-- finds candidates through its rarest trigram and then reads every other trigram's list at each of them,
-- and trigrams shared by almost every row ("so-", "-p0", " co") make that a read of lists as long as the
-- table. Two ways around it, both exact (com.orderflow.order.OrderSearch):

-- 1. A text as long as the longest order number can only be contained in a number equal to it: looked up
--    in a B-tree instead. The longest number's length is one step down an index.
create index sales_order_lower_number_idx on sales_order (lower(order_number));
create index sales_order_number_length_idx on sales_order (length(lower(order_number)));

-- 2. Customer names repeat (fifty thousand customers over a million orders): the search looks for the
--    names among the distinct ones, twenty times fewer rows, then reads the orders of those names by a
--    B-tree. A name once on an order stays here (a renamed order adds its new name); a name no order has
--    any more only costs its lookup, which finds nothing.
create table order_customer_name (
    name varchar(200) primary key
);
create index order_customer_name_trgm_idx on order_customer_name using gin (name gin_trgm_ops);
create index sales_order_lower_customer_name_id_idx on sales_order (lower(customer_name), id);
-- The trigram index on the orders' names (V11) has no reader left.
drop index sales_order_customer_name_trgm_idx;

insert into order_customer_name (name)
    select distinct lower(customer_name) from sales_order;

create function remember_order_customer_name() returns trigger language plpgsql as $$
begin
    insert into order_customer_name (name) values (lower(new.customer_name)) on conflict do nothing;
    return new;
end
$$;

create trigger sales_order_customer_name_inserted
    after insert on sales_order
    for each row execute function remember_order_customer_name();
create trigger sales_order_customer_name_changed
    after update of customer_name on sales_order
    for each row when (old.customer_name is distinct from new.customer_name)
    execute function remember_order_customer_name();
