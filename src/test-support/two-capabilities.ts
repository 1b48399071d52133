/** A tiny Express service with two capabilities (items, orders), two routes each, each with its own glue. */
export const TWO_CAPABILITIES: Record<string, string> = {
  'src/app.ts': `import express from 'express';
import * as items from './bff/items';
import * as orders from './bff/orders';
const app = express();
app.get('/items/:id', items.getItem);
app.get('/items', items.listItems);
app.post('/orders', orders.createOrder);
app.get('/orders/:id', orders.getOrder);`,
  'src/bff/items.ts': 'function view(x: string) { return { x }; }\nexport function getItem() { return view("1"); }\nexport function listItems() { return [view("2")]; }',
  'src/bff/orders.ts': 'function price(n: number) { return n * 2; }\nexport function createOrder() { return price(1); }\nexport function getOrder() { return price(2); }',
};
