import { openApiDocument } from '../../../functions/http/docs/openapi';
import { routes } from '../../../functions/routes';

describe('the API document', () => {
  const document = openApiDocument();

  it('describes every route of the route table, and only those', () => {
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) => Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('documents the complaint body from the validation schema itself', () => {
    const complaint = document.components?.schemas?.Complaint as { required: string[]; additionalProperties: boolean; properties: Record<string, { enum?: string[] }> };
    expect(complaint.additionalProperties).toBe(false);
    expect(complaint.required).toEqual(expect.arrayContaining(['consumer', 'merchant', 'purchase', 'category', 'issue', 'description', 'claim', 'knownSince']));
    expect(complaint.properties.category?.enum).toContain('ebikes');
  });
});
