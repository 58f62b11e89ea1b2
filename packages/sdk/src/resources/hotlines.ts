import type { RequestOptions, RightsBackend } from '../backend.js';
import type { Hotline } from '../contract/hotline.js';

export class HotlinesResource {
  constructor(private readonly backend: RightsBackend) {}

  list(options?: RequestOptions): Promise<Hotline[]> {
    return this.backend.listHotlines(options);
  }
}
