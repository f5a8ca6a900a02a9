package render_test

import (
	"fmt"

	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/render"
	"github.com/manba/manba/pkg/works"
)

func ExampleDocument() {
	doc := "@rand2009mek [p. 48] describe the camps [see @hrw2005noexit; @abrahamian1989mojahedin, chap. 9].\n"
	style, _ := csl.LoadStyle("chicago-author-date")
	out, _ := render.Document("paper.md", []byte(doc), render.Options{Style: style, Items: works.Items()})
	fmt.Print(string(out))
	// Output:
	// Goulka et al. (2009, 48) describe the camps (see Human Rights Watch 2005; Abrahamian 1989, chap. 9).
	//
	// Abrahamian, Ervand. 1989. *The Iranian Mojahedin*. Yale University Press.
	//
	// Goulka, Jeremiah, Lydia Hansell, Elizabeth Wilke, and Judith Larson. 2009. *The Mujahedin-e Khalq in Iraq: A Policy Conundrum*. MG-871-OSD. RAND Corporation Monograph Series. RAND Corporation. https://www.rand.org/pubs/monographs/MG871.html.
	//
	// Human Rights Watch. 2005. *No Exit: Human Rights Abuses Inside the MKO Camps*. Background briefing. Human Rights Watch. https://www.hrw.org/legacy/backgrounder/mena/iran0505/.
}

func ExampleParse() {
	for _, c := range render.Parse("As @abrahamian1989 [p. 3] shows [see @rand2009, chap. 2; -@hrw2005].") {
		for _, cite := range c.Cites {
			fmt.Printf("%s in-text=%v prefix=%q locator=%q label=%q suppress-author=%v\n", cite.Key, c.InText, cite.Prefix, cite.Locator, cite.Label, cite.SuppressAuthor)
		}
	}
	// Output:
	// abrahamian1989 in-text=true prefix="" locator="3" label="page" suppress-author=false
	// rand2009 in-text=false prefix="see" locator="2" label="chapter" suppress-author=false
	// hrw2005 in-text=false prefix="" locator="" label="" suppress-author=true
}
