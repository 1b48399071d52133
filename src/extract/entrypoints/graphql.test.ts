import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../test-support/in-memory-project.js';

const operations = (files: Record<string, string>) => factsFromText(files).entries.map((e) => `${e.method} ${e.path} -> ${e.handler ?? 'null'} [${e.framework}]`);

describe('graphql entry points', () => {
  it('reads NestJS resolvers: queries, mutations, subscriptions and field resolvers, with names from options', () => {
    expect(
      operations({
        'src/product.resolver.ts': `import { Resolver, Query, Mutation, Subscription, ResolveField, Args, Parent } from '@nestjs/graphql';
import { Product } from './product.model';
@Resolver(() => Product)
export class ProductResolver {
  @Query(() => [Product], { name: 'products' }) list() { return []; }
  @Query(() => Product) product(@Args('id') id: string) { return id; }
  @Mutation(() => Product) createProduct() { return {}; }
  @Subscription(() => Product) productAdded() { return {}; }
  @ResolveField('reviews', () => [String]) reviewsOf(@Parent() p: Product) { return [p]; }
  @ResolveField(() => Number) rating() { return 5; }
  helper() { return 1; }
}`,
        'src/product.model.ts': 'export class Product { id = ""; }',
        'src/author.resolver.ts': `import { Resolver, Query, ResolveField } from '@nestjs/graphql';
@Resolver('Author')
export class AuthorsResolver {
  @Query('author') getAuthor() { return {}; }
  @ResolveField() posts() { return []; }
}`,
      }),
    ).toEqual([
      'FIELD Author.posts -> src/author.resolver.ts#AuthorsResolver.posts [nestjs-graphql]',
      'FIELD Product.rating -> src/product.resolver.ts#ProductResolver.rating [nestjs-graphql]',
      'FIELD Product.reviews -> src/product.resolver.ts#ProductResolver.reviewsOf [nestjs-graphql]',
      'MUTATION createProduct -> src/product.resolver.ts#ProductResolver.createProduct [nestjs-graphql]',
      'QUERY author -> src/author.resolver.ts#AuthorsResolver.getAuthor [nestjs-graphql]',
      'QUERY product -> src/product.resolver.ts#ProductResolver.product [nestjs-graphql]',
      'QUERY products -> src/product.resolver.ts#ProductResolver.list [nestjs-graphql]',
      'SUBSCRIPTION productAdded -> src/product.resolver.ts#ProductResolver.productAdded [nestjs-graphql]',
    ]);
  });

  it('keeps an operation name served by two GraphQL APIs as one entry per API, named by resolver folder or class', () => {
    expect(
      operations({
        'src/api/admin/channel.resolver.ts': `import { Resolver, Query, Mutation } from '@nestjs/graphql';
@Resolver()
export class ChannelResolver {
  @Query() activeChannel() { return {}; }
  @Mutation() createChannel() { return {}; }
}`,
        'src/api/shop/shop-channel.resolver.ts': `import { Resolver, Query } from '@nestjs/graphql';
@Resolver()
export class ShopChannelResolver {
  @Query() activeChannel() { return {}; }
}`,
        'src/plugin/search.resolver.ts': `import { Resolver, Query } from '@nestjs/graphql';
@Resolver()
export class ShopSearchResolver {
  @Query() search() { return []; }
}
@Resolver()
export class AdminSearchResolver {
  @Query() search() { return []; }
}`,
      }),
    ).toEqual([
      'MUTATION createChannel -> src/api/admin/channel.resolver.ts#ChannelResolver.createChannel [nestjs-graphql]',
      'QUERY AdminSearchResolver/search -> src/plugin/search.resolver.ts#AdminSearchResolver.search [nestjs-graphql]',
      'QUERY ShopSearchResolver/search -> src/plugin/search.resolver.ts#ShopSearchResolver.search [nestjs-graphql]',
      'QUERY admin/activeChannel -> src/api/admin/channel.resolver.ts#ChannelResolver.activeChannel [nestjs-graphql]',
      'QUERY shop/activeChannel -> src/api/shop/shop-channel.resolver.ts#ShopChannelResolver.activeChannel [nestjs-graphql]',
    ]);
  });

  it('reads type-graphql resolvers and their middleware, and ignores the @Query parameter decorator of @nestjs/common', () => {
    const facts = factsFromText({
      'src/recipe.resolver.ts': `import { Resolver, Query, Mutation, FieldResolver, Root, UseMiddleware } from 'type-graphql';
import { Recipe } from './recipe';
import { LogAccess } from './log-access';
@Resolver(of => Recipe)
export class RecipeResolver {
  @Query(returns => [Recipe]) recipes() { return []; }
  @UseMiddleware(LogAccess) @Mutation(returns => Recipe) addRecipe() { return {}; }
  @FieldResolver() averageRating(@Root() recipe: Recipe) { return recipe ? 1 : 0; }
}`,
      'src/recipe.ts': 'export class Recipe { title = ""; }',
      'src/log-access.ts': 'export class LogAccess { use() { return 1; } }',
      'src/items.controller.ts': `import { Controller, Get, Query } from '@nestjs/common';
@Controller('items')
export class ItemsController { @Get() list(@Query() q: unknown) { return q; } }`,
    });
    expect(facts.entries.map((e) => [e.id, e.group, e.middleware])).toEqual([
      ['GET /items', 'src/items.controller.ts#ItemsController', []],
      ['FIELD Recipe.averageRating', 'src/recipe.resolver.ts#RecipeResolver', []],
      ['MUTATION addRecipe', 'src/recipe.resolver.ts#RecipeResolver', ['src/log-access.ts#LogAccess']],
      ['QUERY recipes', 'src/recipe.resolver.ts#RecipeResolver', []],
    ]);
  });
});

describe('graphql inherited operations', () => {
  it('gives a resolver the operations of its base resolver class, typed by the subclass', () => {
    expect(
      operations({
        'src/base.resolver.ts': `import { Query, ResolveField } from '@nestjs/graphql';
export abstract class NodeResolver {
  @Query(() => String) node() { return ''; }
  @ResolveField(() => String) createdAt() { return ''; }
}`,
        'src/user.resolver.ts': `import { Resolver } from '@nestjs/graphql';
import { NodeResolver } from './base.resolver';
@Resolver('User')
export class UserResolver extends NodeResolver {}`,
      }),
    ).toEqual(['FIELD User.createdAt -> src/base.resolver.ts#NodeResolver.createdAt [nestjs-graphql]', 'QUERY node -> src/base.resolver.ts#NodeResolver.node [nestjs-graphql]']);
  });
});
