import type { RequestOptions, RightsBackend } from '../backend.js';
import type { Category } from '../contract/category.js';

export class CategoriesResource {
  constructor(private readonly backend: RightsBackend) {}

  /** The backend's categories with their extra fields. */
  list(options?: RequestOptions): Promise<Category[]> {
    return this.backend.listCategories(options);
  }
}
