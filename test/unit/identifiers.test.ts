import * as assert from 'node:assert/strict';
import { arxivIdOfDoi, findArxivId, findDoi, parseArxivId } from '../../src/core/model/identifiers';

describe('arXiv ids and DOIs', () => {
  it('an arXiv id typed alone: new and old style, with prefix or version', () => {
    assert.equal(parseArxivId('2401.12345'), '2401.12345');
    assert.equal(parseArxivId('arXiv:2401.12345v2'), '2401.12345');
    assert.equal(parseArxivId(' hep-th/9901001 '), 'hep-th/9901001');
    assert.equal(parseArxivId('math.AG/0309136v1'), 'math.AG/0309136');
    assert.equal(parseArxivId('0704.0001'), '0704.0001');
    assert.equal(parseArxivId('attention 2401.12345'), undefined);
    assert.equal(parseArxivId('2401.123'), undefined);
  });

  it('an arXiv id inside a note, a journal field or a URL', () => {
    assert.equal(findArxivId('arXiv: 2001.00001'), '2001.00001');
    assert.equal(findArxivId('arXiv preprint arXiv:1706.03762'), '1706.03762');
    assert.equal(findArxivId('https://arxiv.org/pdf/2005.14165v4.pdf'), '2005.14165');
    assert.equal(findArxivId('http://arxiv.org/abs/hep-th/9901001v2'), 'hep-th/9901001');
    assert.equal(findArxivId('10.1000/xyz'), undefined);
  });

  it("DOIs without their URL or prefix; arXiv's own DOIs give the arXiv id", () => {
    assert.equal(findDoi('https://doi.org/10.1038/nature14539'), '10.1038/nature14539');
    assert.equal(findDoi('doi:10.18653/v1/N19-1423.'), '10.18653/v1/N19-1423');
    assert.equal(findDoi('not a doi'), undefined);
    assert.equal(arxivIdOfDoi('10.48550/arXiv.2001.08361'), '2001.08361');
    assert.equal(arxivIdOfDoi('10.1038/nature14539'), undefined);
  });
});
