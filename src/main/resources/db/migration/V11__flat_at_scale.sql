-- What the lists, searches and live pages need to cost the same on a million orders as on ten.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the owner of the database may create it, no superuser.
create extension if not exists pg_trgm;

-- My orders, newest first (owner = ? order by id desc), with or without a status: read in index order,
-- stopping after one page, instead of every order of the rep sorted.
create index sales_order_owner_id_idx on sales_order (owner, id);
create index sales_order_owner_status_id_idx on sales_order (owner, status, id);
drop index sales_order_owner_idx;
-- A customer's orders, newest first.
create index sales_order_customer_id_idx on sales_order (customer_id, id);
drop index sales_order_customer_idx;

-- Contains-search by order number or customer name (lower(...) like '%text%'): trigram indexes on the
-- very expressions the query compares.
create index sales_order_number_trgm_idx on sales_order using gin (lower(order_number) gin_trgm_ops);
create index sales_order_customer_name_trgm_idx on sales_order using gin (lower(customer_name) gin_trgm_ops);

-- The nightly cleaner finds sent emails by their age.
create index notification_sent_at_idx on notification (sent_at) where state = 'SENT';
